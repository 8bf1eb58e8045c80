package io.ocmj.api.cluster.v1beta1;

/** Toleration operators. */
public enum TolerationOperator {
  Equal,
  Exists
}
