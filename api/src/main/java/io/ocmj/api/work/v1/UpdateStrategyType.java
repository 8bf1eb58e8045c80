package io.ocmj.api.work.v1;

/** How the agent updates an applied resource. */
public enum UpdateStrategyType {
  Update,
  CreateOnly,
  ServerSideApply,
  ReadOnly
}
