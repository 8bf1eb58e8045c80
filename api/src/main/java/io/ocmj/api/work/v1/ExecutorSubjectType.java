package io.ocmj.api.work.v1;

/** Kinds of executor subjects. */
public enum ExecutorSubjectType {
  ServiceAccount
}
