/**
 * The policy propagator: replicates root Policies into the namespaces of the clusters their
 * PlacementBindings select (resolving hub templates per cluster) and aggregates compliance back.
 */
package io.ocmj.hub.policy;
