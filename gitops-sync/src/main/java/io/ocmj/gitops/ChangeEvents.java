package io.ocmj.gitops;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change set of a sync as a Kubernetes Event on the GitSync, as Flux records it: one line per
 * object, {@code Kind/namespace/name created|configured|deleted}, annotated with the revision.
 */
public final class ChangeEvents {
  private static final Logger LOG = LoggerFactory.getLogger(ChangeEvents.class);
  public static final String ANNOTATION_REVISION = "gitops.ocmj.io/revision";
  private static final int MAX_MESSAGE = 4000;

  private ChangeEvents() {}

  static void record(
      KubernetesClient client, GitSync sync, String revision, List<String> changes, Instant now) {
    String message = String.join("\n", changes);
    if (message.length() > MAX_MESSAGE) {
      message = message.substring(0, MAX_MESSAGE) + "\n... (" + changes.size() + " changes)";
    }
    String namespace = sync.getMetadata().getNamespace();
    try {
      client
          .v1()
          .events()
          .inNamespace(namespace)
          .resource(
              new EventBuilder()
                  .withNewMetadata()
                  .withGenerateName(sync.getMetadata().getName() + ".")
                  .withNamespace(namespace)
                  .addToAnnotations(ANNOTATION_REVISION, revision)
                  .endMetadata()
                  .withInvolvedObject(
                      new ObjectReferenceBuilder()
                          .withApiVersion(GitSync.GROUP + "/" + GitSync.VERSION)
                          .withKind("GitSync")
                          .withName(sync.getMetadata().getName())
                          .withNamespace(namespace)
                          .withUid(sync.getMetadata().getUid())
                          .build())
                  .withType("Normal")
                  .withReason(GitSync.REASON_SUCCEEDED)
                  .withMessage(message)
                  .withFirstTimestamp(now.toString())
                  .withLastTimestamp(now.toString())
                  .withCount(1)
                  .withNewSource()
                  .withComponent("ocmj-gitsync")
                  .endSource()
                  .build())
          .create();
    } catch (KubernetesClientException e) {
      LOG.warn(
          "gitsync={}/{} could not record its change set: {}",
          namespace,
          sync.getMetadata().getName(),
          String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT));
    }
  }
}
