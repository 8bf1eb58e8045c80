/**
 * Pure policy evaluation: ConfigurationPolicy semantics, Gatekeeper-style Rego, compliance results
 * (issues 8 and 9).
 */
package io.ocmj.policy;
