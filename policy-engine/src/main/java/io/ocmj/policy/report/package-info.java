/** How compliance is summed up and reported (OCM's precedence, PolicyReport rendering). */
package io.ocmj.policy.report;
