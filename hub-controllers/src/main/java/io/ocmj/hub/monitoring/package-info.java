/**
 * Metrics of ocmj's controllers ({@code ocmj_}-prefixed, Micrometer): what every JOSDK operator
 * records through {@link io.ocmj.hub.monitoring.ControllerMetrics}, and the hub's fleet gauges
 * ({@link io.ocmj.hub.monitoring.FleetGauges}). Instrumentation records into Micrometer's global
 * registry; the process that runs the controllers decides where it is exposed.
 */
package io.ocmj.hub.monitoring;
