package io.ocmj.hub;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leader election for one JOSDK operator through a Lease, as client-go's: identity {@code
 * <host>_<uuid>} (unique even for two processes on one host), 15 s lease, 10 s renew deadline, 2 s
 * retry. A replica that loses the lease while running exits (status 1) so that it never reconciles
 * beside the new leader (JOSDK itself only stops leading and keeps processing events when told not
 * to exit); the exit comes from its own thread, so a loss during a shutdown cannot block it.
 * Stopping on purpose ({@link #stopping()} first) is not a loss.
 */
public final class LeaderElection {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);
  private final LeaderElectionConfiguration configuration;
  private final String identity;
  private final AtomicBoolean lost = new AtomicBoolean();
  private final AtomicBoolean stopping = new AtomicBoolean();

  private LeaderElection(String lease, String namespace) {
    this.identity = host() + "_" + UUID.randomUUID();
    this.configuration =
        new LeaderElectionConfiguration(
            lease,
            namespace,
            Duration.ofSeconds(15),
            Duration.ofSeconds(10),
            Duration.ofSeconds(2),
            identity,
            new LeaderCallbacks(() -> {}, this::stoppedLeading, leader -> {}),
            false);
  }

  /** Election for the Lease {@code lease} in {@code namespace}. */
  public static LeaderElection of(String lease, String namespace) {
    return new LeaderElection(lease, namespace);
  }

  public LeaderElectionConfiguration configuration() {
    return configuration;
  }

  /** What this replica writes as the Lease's holderIdentity. */
  public String identity() {
    return identity;
  }

  /** Whether this replica lost the lease while running (it is exiting). */
  public boolean lost() {
    return lost.get();
  }

  /** Says that the operator is being stopped on purpose: giving up the lease then is no loss. */
  public void stopping() {
    stopping.set(true);
  }

  private void stoppedLeading() {
    if (stopping.get()) {
      return;
    }
    lost.set(true);
    LOG.error(
        "lost the leader lease {} as {}: exiting so that only the new leader reconciles",
        configuration.getLeaseName(),
        identity);
    Thread exit = new Thread(() -> System.exit(1), "ocmj-lost-leadership");
    exit.setDaemon(true);
    exit.start();
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "ocmj";
    }
  }
}
