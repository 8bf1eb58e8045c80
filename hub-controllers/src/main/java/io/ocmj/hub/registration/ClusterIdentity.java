package io.ocmj.hub.registration;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identities OCM gives a managed cluster's agents: user {@code
 * system:open-cluster-management:<cluster>:<agent>} in group {@code
 * system:open-cluster-management:<cluster>} (plus the common managed-clusters group).
 */
public final class ClusterIdentity {
  public static final String PREFIX = "system:open-cluster-management:";

  /** The group every managed cluster's agent is in. */
  public static final String MANAGED_CLUSTERS_GROUP = PREFIX + "managed-clusters";

  private static final Pattern USER =
      Pattern.compile("^" + Pattern.quote(PREFIX) + "([a-z0-9]([-a-z0-9]*[a-z0-9])?):([^:]+)$");

  private ClusterIdentity() {}

  /** The group of one cluster's agents. */
  public static String group(String cluster) {
    return PREFIX + cluster;
  }

  /** The user name of one agent of a cluster. */
  public static String user(String cluster, String agent) {
    return PREFIX + cluster + ":" + agent;
  }

  /** The cluster named by an agent user name, if it has OCM's form. */
  public static Optional<String> clusterOfUser(String user) {
    if (user == null) {
      return Optional.empty();
    }
    Matcher m = USER.matcher(user);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
