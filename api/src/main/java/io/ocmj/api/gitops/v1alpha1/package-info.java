/** ocmj's GitOps API, {@code gitops.ocmj.io/v1alpha1}. */
package io.ocmj.api.gitops.v1alpha1;
