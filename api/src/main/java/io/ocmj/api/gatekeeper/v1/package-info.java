/**
 * Gatekeeper's ConstraintTemplate, {@code templates.gatekeeper.sh/v1}, evaluated by ocmj's agent.
 */
package io.ocmj.api.gatekeeper.v1;
