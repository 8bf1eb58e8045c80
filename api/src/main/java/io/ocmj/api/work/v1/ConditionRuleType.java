package io.ocmj.api.work.v1;

/** Kinds of condition rules. */
public enum ConditionRuleType {
  WellKnownConditions,
  CEL
}
