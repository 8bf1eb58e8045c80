/**
 * The policy working group's report kinds, {@code wgpolicyk8s.io/v1alpha2}: PolicyReport
 * (namespaced) and ClusterPolicyReport, the format report viewers (Policy Reporter, Kyverno's UI)
 * read. ocmj's policy agent writes them; their fields are top level, as upstream's are.
 */
package io.ocmj.api.wgpolicy.v1alpha2;
