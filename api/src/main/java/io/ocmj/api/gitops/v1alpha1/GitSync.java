package io.ocmj.api.gitops.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * Objects the hub takes from Git: the files under {@code paths} at the followed revision, applied
 * atomically per commit (server-side dry-run of the whole set first), drift corrected every
 * interval, removed objects pruned.
 */
@Group(GitSync.GROUP)
@Version(GitSync.VERSION)
@Plural("gitsyncs")
@Singular("gitsync")
@ShortNames("gs")
@AdditionalPrinterColumn(
    name = "Ready",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Revision",
    jsonPath = ".status.lastAppliedRevision",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Message",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].message",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
public class GitSync extends CustomResource<GitSyncSpec, GitSyncStatus> implements Namespaced {
  public static final String GROUP = "gitops.ocmj.io";
  public static final String VERSION = "v1alpha1";

  /** Label on every applied object: {@code <namespace>.<name>} of its GitSync. */
  public static final String LABEL_SYNC = "gitops.ocmj.io/sync";

  /** Annotation on every applied object: the commit SHA it was applied from. */
  public static final String ANNOTATION_REVISION = "gitops.ocmj.io/revision";

  /** Annotation ({@code disabled}) that keeps an object from being pruned. */
  public static final String ANNOTATION_PRUNE = "gitops.ocmj.io/prune";

  /** Flux's manual trigger, which the CLI and the webhook set too. */
  public static final String ANNOTATION_REQUESTED_AT = "reconcile.fluxcd.io/requestedAt";

  public static final String FIELD_MANAGER = "ocmj-gitsync";

  /**
   * The field manager of objects the hub creates as defaults, for users to change (the built-in
   * add-ons' ClusterManagementAddOns): a GitSync takes their fields over, as it does kubectl's.
   */
  public static final String DEFAULTS_FIELD_MANAGER = "ocmj-hub-defaults";

  public static final String CONDITION_READY = "Ready";
  public static final String CONDITION_RECONCILING = "Reconciling";
  public static final String CONDITION_STALLED = "Stalled";

  public static final String REASON_SUCCEEDED = "ReconciliationSucceeded";
  public static final String REASON_PROGRESSING = "Progressing";
  public static final String REASON_PROGRESSING_WITH_RETRY = "ProgressingWithRetry";
  public static final String REASON_GIT_FAILED = "GitOperationFailed";
  public static final String REASON_AUTH_FAILED = "AuthenticationFailed";
  public static final String REASON_BUILD_FAILED = "BuildFailed";
  public static final String REASON_RECONCILIATION_FAILED = "ReconciliationFailed";
  public static final String REASON_PRUNE_FAILED = "PruneFailed";
  public static final String REASON_SUSPENDED = "Suspended";

  /**
   * The label value that marks an object as this GitSync's: {@code <namespace>.<name>}, or, when
   * that is over the 63 characters a label value may have, its first 52 and a hash of the whole.
   */
  public String syncLabel() {
    String value = getMetadata().getNamespace() + "." + getMetadata().getName();
    if (value.length() <= 63) {
      return value;
    }
    try {
      byte[] hash =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return value.substring(0, 52) + "-" + java.util.HexFormat.of().formatHex(hash, 0, 5);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
