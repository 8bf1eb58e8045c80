package io.ocmj.cli.command;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.gitops.v1alpha1.GitRef;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.api.gitops.v1alpha1.GitSyncSpec;
import io.ocmj.api.gitops.v1alpha1.LocalObjectReference;
import io.ocmj.api.gitops.v1alpha1.ReportsSpec;
import io.ocmj.api.gitops.v1alpha1.WebhookSpec;
import io.ocmj.api.status.Conditions;
import io.ocmj.cli.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * Dev up's GitOps: a local Git copy of the example repository (made once, then left to the user's
 * commits), and the GitSync {@value #NAMESPACE}/{@value #NAME} that syncs its {@code fleet} folder
 * into the hub, with a webhook and compliance reports on branch {@code ocmj-reports}.
 */
final class DevGitSync {
  static final String NAMESPACE = "ocmj-gitops";
  static final String NAME = "examples";
  static final String WEBHOOK_SECRET = "examples-webhook";

  /** The example fleet's file that installs the policy add-on. */
  static final String POLICY_ADDON_FILE = "fleet/governance-addon.yaml";

  private DevGitSync() {}

  /** The local repository: {@code examples} committed into {@code target} unless it exists. */
  static Path repository(Path examples, Path target) {
    if (Files.isDirectory(target.resolve(".git"))) {
      return target.toAbsolutePath();
    }
    if (!Files.isDirectory(examples)) {
      throw new UserError("--examples-repo " + examples + ": no such folder");
    }
    try {
      Files.createDirectories(target);
      try (Stream<Path> files = Files.walk(examples)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Path copy = target.resolve(examples.relativize(file).toString());
          Files.createDirectories(copy.getParent());
          Files.copy(file, copy);
        }
      }
      try (Git git = Git.init().setDirectory(target.toFile()).setInitialBranch("main").call()) {
        git.add().addFilepattern(".").call();
        git.commit()
            .setMessage("The ocmj example fleet")
            .setAuthor("ocmj dev", "dev@ocmj.invalid")
            .setCommitter("ocmj dev", "dev@ocmj.invalid")
            .call();
      }
    } catch (IOException | GitAPIException e) {
      throw new UserError(
          "cannot make the example Git repository " + target + ": " + e.getMessage());
    }
    return target.toAbsolutePath();
  }

  /** Creates the namespace, the webhook token Secret and the GitSync. */
  static void create(KubernetesClient hub, Path repository) {
    hub.resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .serverSideApply();
    byte[] token = new byte[24];
    new SecureRandom().nextBytes(token);
    hub.resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(WEBHOOK_SECRET)
                .withNamespace(NAMESPACE)
                .endMetadata()
                .addToStringData("token", HexFormat.of().formatHex(token))
                .build())
        .serverSideApply();
    GitSync sync = new GitSync();
    sync.getMetadata().setName(NAME);
    sync.getMetadata().setNamespace(NAMESPACE);
    GitSyncSpec spec = new GitSyncSpec();
    spec.setUrl(repository.toUri().toString());
    GitRef ref = new GitRef();
    ref.setBranch("main");
    spec.setRef(ref);
    spec.setPaths(List.of("fleet"));
    spec.setInterval("1m");
    WebhookSpec webhook = new WebhookSpec();
    LocalObjectReference secret = new LocalObjectReference();
    secret.setName(WEBHOOK_SECRET);
    webhook.setSecretRef(secret);
    spec.setWebhook(webhook);
    // Compliance in Git: snapshots on branch ocmj-reports of the same local repository.
    ReportsSpec reports = new ReportsSpec();
    reports.setInterval("10s");
    spec.setReports(reports);
    sync.setSpec(spec);
    hub.resource(sync).fieldManager("ocmj-dev").forceConflicts().serverSideApply();
  }

  static GitSync get(KubernetesClient hub) {
    return hub.resources(GitSync.class).inNamespace(NAMESPACE).withName(NAME).get();
  }

  /** Whether the sync finished its first attempt, successfully or not. */
  static boolean settled(KubernetesClient hub) {
    GitSync sync = get(hub);
    return sync != null
        && sync.getStatus() != null
        && Conditions.find(sync.getStatus().getConditions(), GitSync.CONDITION_READY).isPresent();
  }

  static boolean ready(KubernetesClient hub) {
    GitSync sync = get(hub);
    return sync != null
        && sync.getStatus() != null
        && Conditions.isTrue(sync.getStatus().getConditions(), GitSync.CONDITION_READY);
  }

  /** One line: Ready status, reason and message. */
  static String describe(KubernetesClient hub) {
    GitSync sync = get(hub);
    return sync == null || sync.getStatus() == null
        ? "no status"
        : Conditions.find(sync.getStatus().getConditions(), GitSync.CONDITION_READY)
            .map(c -> "Ready=" + c.getStatus() + " " + c.getReason() + ": " + c.getMessage())
            .orElse("no status");
  }
}
