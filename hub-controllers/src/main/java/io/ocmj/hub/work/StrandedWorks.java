package io.ocmj.hub.work;

import io.ocmj.api.work.v1.ManifestCondition;
import io.ocmj.api.work.v1.ManifestResourceMeta;
import io.ocmj.api.work.v1.ManifestWork;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When the hub stops waiting for the agent of an unavailable cluster to finish deleting a
 * ManifestWork: once the work has been deleted and the cluster unavailable for the whole grace
 * period. Pure.
 */
final class StrandedWorks {
  private StrandedWorks() {}

  /** When the work's deletion is forced; now or earlier means force it now. */
  static Instant due(Instant deletedAt, Instant unavailableSince, Duration grace) {
    Instant later = deletedAt.isAfter(unavailableSince) ? deletedAt : unavailableSince;
    return later.plus(grace);
  }

  /** The Event message naming what the agent may have left on the cluster. */
  static String forcedMessage(
      ManifestWork work, String cluster, Instant unavailableSince, Duration grace) {
    List<String> left =
        work.getStatus() == null || work.getStatus().getResourceStatus() == null
            ? List.of()
            : work.getStatus().getResourceStatus().getManifests().stream()
                .map(ManifestCondition::getResourceMeta)
                .map(StrandedWorks::describe)
                .toList();
    return "ManifestWork "
        + cluster
        + "/"
        + work.getMetadata().getName()
        + " was deleted while cluster "
        + cluster
        + " was unavailable (since "
        + unavailableSince
        + ") for longer than "
        + grace
        + ": deletion completed on the hub; "
        + (left.isEmpty()
            ? "the agent never reported applying anything"
            : "these resources may be left on the cluster: " + String.join(", ", left));
  }

  private static String describe(ManifestResourceMeta meta) {
    return Optional.ofNullable(meta.getKind()).orElse("?")
        + " "
        + (meta.getNamespace() == null || meta.getNamespace().isEmpty()
            ? meta.getName()
            : meta.getNamespace() + "/" + meta.getName());
  }
}
