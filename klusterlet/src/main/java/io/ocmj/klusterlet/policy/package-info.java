/**
 * The policy agent (OCM's governance framework add-on and config-policy controller): syncs the
 * cluster's replicated Policies from the hub, creates their templates, evaluates
 * ConfigurationPolicies with the policy engine, and reports compliance back through Events and the
 * Policy status on both sides.
 */
package io.ocmj.klusterlet.policy;
