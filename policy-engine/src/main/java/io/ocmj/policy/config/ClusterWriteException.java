package io.ocmj.policy.config;

/** A create, update or delete the cluster refused; the message says why. */
public class ClusterWriteException extends Exception {
  public ClusterWriteException(String message) {
    super(message);
  }
}
