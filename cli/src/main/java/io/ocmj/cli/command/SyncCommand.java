package io.ocmj.cli.command;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.api.gitops.v1alpha1.SyncFailure;
import io.ocmj.api.status.Conditions;
import io.ocmj.cli.UserError;
import io.ocmj.gitops.GitFailure;
import io.ocmj.gitops.SyncDiff;
import io.ocmj.gitops.SyncRequest;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ocmj sync status|now|diff}: GitSyncs, as {@code flux get/reconcile/diff} shows them. */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description = "GitSyncs: status, sync now, diff.",
    subcommands = {SyncCommand.Status.class, SyncCommand.Now.class, SyncCommand.Diff.class})
public final class SyncCommand {
  /** Options every sync subcommand takes. */
  static class Common {
    @Mixin HubKubeconfigMixin hubOptions;

    @Option(
        names = {"-n", "--namespace"},
        description = "Namespace of the GitSync (default: all for status, else the only match).")
    String namespace;

    @Spec CommandSpec spec;

    PrintWriter out() {
      return spec.commandLine().getOut();
    }

    /** The named GitSync: in -n, or the only one of that name in any namespace. */
    GitSync find(KubernetesClient hub, String name) {
      var all = hub.resources(GitSync.class);
      List<GitSync> found =
          (namespace == null ? all.inAnyNamespace() : all.inNamespace(namespace))
              .list().getItems().stream()
                  .filter(s -> s.getMetadata().getName().equals(name))
                  .toList();
      if (found.isEmpty()) {
        throw new UserError(
            "GitSync "
                + name
                + " not found"
                + (namespace == null ? " in any namespace" : " in namespace " + namespace));
      }
      if (found.size() > 1) {
        throw new UserError(
            "GitSync "
                + name
                + " exists in namespaces "
                + found.stream().map(s -> s.getMetadata().getNamespace()).toList()
                + "; choose one with -n");
      }
      return found.get(0);
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true, description = "Every GitSync's state.")
  static final class Status extends Common implements java.util.concurrent.Callable<Integer> {
    @Override
    public Integer call() {
      try (KubernetesClient hub = hubOptions.connect()) {
        var all = hub.resources(GitSync.class);
        List<GitSync> syncs =
            (namespace == null ? all.inAnyNamespace() : all.inNamespace(namespace))
                .list().getItems().stream()
                    .sorted(
                        Comparator.comparing((GitSync s) -> s.getMetadata().getNamespace())
                            .thenComparing(s -> s.getMetadata().getName()))
                    .toList();
        String format = "%-14s %-18s %-6s %-24s %-52s %s%n";
        out().printf(format, "NAMESPACE", "NAME", "READY", "REASON", "REVISION", "MESSAGE");
        for (GitSync s : syncs) {
          var ready =
              s.getStatus() == null
                  ? java.util.Optional.<io.fabric8.kubernetes.api.model.Condition>empty()
                  : Conditions.find(s.getStatus().getConditions(), GitSync.CONDITION_READY);
          out()
              .printf(
                  format,
                  s.getMetadata().getNamespace(),
                  s.getMetadata().getName(),
                  s.getSpec() != null && s.getSpec().isSuspend()
                      ? "Suspended"
                      : ready.map(c -> c.getStatus()).orElse("Unknown"),
                  ready.map(c -> c.getReason()).orElse(""),
                  s.getStatus() == null
                      ? ""
                      : Objects.toString(s.getStatus().getLastAppliedRevision(), ""),
                  ready.map(c -> c.getMessage()).orElse(""));
        }
      }
      out().flush();
      return 0;
    }
  }

  @Command(
      name = "now",
      mixinStandardHelpOptions = true,
      description = "Sync a GitSync now and wait for the outcome.")
  static final class Now extends Common implements java.util.concurrent.Callable<Integer> {
    @Parameters(index = "0", description = "The GitSync.")
    String name;

    @Option(
        names = "--timeout",
        defaultValue = "120",
        description = "Seconds to wait (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws InterruptedException {
      try (KubernetesClient hub = hubOptions.connect()) {
        GitSync sync = find(hub, name);
        String ns = sync.getMetadata().getNamespace();
        if (sync.getSpec() != null && sync.getSpec().isSuspend()) {
          throw new UserError(
              "GitSync " + ns + "/" + name + " is suspended (spec.suspend: true); resume it first");
        }
        String requested = Instant.now().toString();
        SyncRequest.request(hub, ns, name, requested);
        out().printf("Sync of %s/%s requested; waiting", ns, name).flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        GitSync done = null;
        while (System.nanoTime() < deadline) {
          GitSync now = hub.resources(GitSync.class).inNamespace(ns).withName(name).get();
          if (now != null
              && now.getStatus() != null
              && requested.equals(now.getStatus().getLastHandledReconcileAt())) {
            done = now;
            break;
          }
          out().print(".");
          out().flush();
          try {
            hub.resources(GitSync.class)
                .inNamespace(ns)
                .withName(name)
                .waitUntilCondition(
                    s ->
                        s != null
                            && s.getStatus() != null
                            && requested.equals(s.getStatus().getLastHandledReconcileAt()),
                    2,
                    TimeUnit.SECONDS);
          } catch (KubernetesClientException e) {
            // Not yet: the loop prints progress and asks again until the deadline.
          }
        }
        out().println();
        if (done == null) {
          throw new UserError(
              "GitSync " + ns + "/" + name + ": no outcome within " + timeoutSeconds + " s");
        }
        var ready = Conditions.find(done.getStatus().getConditions(), GitSync.CONDITION_READY);
        out()
            .printf(
                "%s: %s%n",
                ready.map(c -> c.getReason()).orElse(""),
                ready.map(c -> c.getMessage()).orElse(""));
        for (SyncFailure f : done.getStatus().getFailures()) {
          out()
              .printf(
                  "  %s[%s] %s: %s%n", f.getFile(), f.getDocument(), f.getObject(), f.getMessage());
        }
        hub.v1().events().inNamespace(ns).list().getItems().stream()
            .filter(
                e ->
                    e.getInvolvedObject() != null
                        && name.equals(e.getInvolvedObject().getName())
                        && "GitSync".equals(e.getInvolvedObject().getKind())
                        && e.getLastTimestamp() != null
                        && !Instant.parse(e.getLastTimestamp())
                            .isBefore(
                                Instant.parse(requested)
                                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)))
            .sorted(Comparator.comparing(Event::getLastTimestamp))
            .forEach(e -> out().println("Changed:\n  " + e.getMessage().replace("\n", "\n  ")));
        out().flush();
        return ready.map(c -> Conditions.TRUE.equals(c.getStatus())).orElse(false) ? 0 : 1;
      }
    }
  }

  @Command(
      name = "diff",
      mixinStandardHelpOptions = true,
      description = "What syncing the GitSync's current commit would change, writing nothing.")
  static final class Diff extends Common implements java.util.concurrent.Callable<Integer> {
    @Parameters(index = "0", description = "The GitSync.")
    String name;

    @Override
    public Integer call() throws Exception {
      try (KubernetesClient hub = hubOptions.connect()) {
        GitSync sync = find(hub, name);
        Path cache = Files.createTempDirectory("ocmj-sync-diff");
        SyncDiff.Diff diff;
        try {
          diff = SyncDiff.diff(hub, sync, cache);
        } catch (GitFailure e) {
          throw new UserError("GitSync " + name + ": " + e.reason() + ": " + e.getMessage());
        } finally {
          try (var walk = Files.walk(cache)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
          }
        }
        out().printf("%s/%s at %s%n", sync.getMetadata().getNamespace(), name, diff.revision());
        if (!diff.errors().isEmpty()) {
          out().println("This commit would not be applied:");
          diff.errors().forEach(e -> out().println("  " + e));
          out().flush();
          return 1;
        }
        if (diff.changes().isEmpty()) {
          out().println("No changes.");
        }
        diff.changes().forEach(c -> out().println("  " + c));
        out().flush();
        return 0;
      }
    }
  }
}
