package io.ocmj.testing;

/** The selected provider cannot give clusters on this machine; tests skip with this reason. */
public class ClusterProviderUnavailableException extends RuntimeException {
  public ClusterProviderUnavailableException(String reason) {
    super(reason);
  }
}
