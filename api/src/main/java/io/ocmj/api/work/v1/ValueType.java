package io.ocmj.api.work.v1;

/** Types of feedback values. */
public enum ValueType {
  Integer,
  String,
  Boolean,
  JsonRaw
}
