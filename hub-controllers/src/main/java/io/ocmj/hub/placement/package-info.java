/** The placement scheduler: which clusters a Placement selects, and its PlacementDecisions. */
package io.ocmj.hub.placement;
