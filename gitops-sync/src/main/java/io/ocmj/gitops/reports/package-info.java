/**
 * Compliance in Git: the fleet's compliance per policy as YAML on a reports branch, committed by
 * the hub when it changes, with messages that say which Git revision did what.
 */
package io.ocmj.gitops.reports;
