/**
 * Evaluates a ConfigurationPolicy against objects read from files, as OCM's {@code dryrun} tool
 * does; the conformance runner and {@code ocmj policy dryrun} use it.
 */
package io.ocmj.policy.dryrun;
