package io.ocmj.cli.command;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.addon.v1alpha1.ConfigReference;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import io.ocmj.api.status.Conditions;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** {@code ocmj get addons}: every ManagedClusterAddOn, one line per cluster and add-on. */
final class AddonTables {
  private AddonTables() {}

  /** The add-ons of every cluster (or of one add-on), by cluster then name. */
  static List<ManagedClusterAddOn> addons(KubernetesClient hub, String name) {
    return hub.resources(ManagedClusterAddOn.class).inAnyNamespace().list().getItems().stream()
        .filter(m -> name == null || m.getMetadata().getName().equals(name))
        .sorted(
            Comparator.comparing((ManagedClusterAddOn m) -> m.getMetadata().getNamespace())
                .thenComparing(m -> m.getMetadata().getName()))
        .toList();
  }

  static void print(PrintWriter out, List<ManagedClusterAddOn> addons) {
    String format = "%-16s %-20s %-10s %-9s %-12s %-11s %s%n";
    out.printf(
        format,
        "CLUSTER",
        "ADDON",
        "AVAILABLE",
        "DEGRADED",
        "PROGRESSING",
        "CONFIGURED",
        "CONFIGS");
    for (ManagedClusterAddOn m : addons) {
      List<Condition> conditions =
          m.getStatus() == null ? List.of() : m.getStatus().getConditions();
      out.printf(
          format,
          m.getMetadata().getNamespace(),
          m.getMetadata().getName(),
          state(conditions, ManagedClusterAddOn.CONDITION_AVAILABLE),
          state(conditions, ManagedClusterAddOn.CONDITION_DEGRADED),
          state(conditions, ManagedClusterAddOn.CONDITION_PROGRESSING),
          state(conditions, ManagedClusterAddOn.CONDITION_CONFIGURED),
          m.getStatus() == null ? "" : configs(m.getStatus().getConfigReferences()));
    }
  }

  /** {@code <resource> <namespace>/<name>@<hash, 8 digits>}, comma-separated. */
  static String configs(List<ConfigReference> references) {
    return references.stream()
        .map(
            r -> {
              var d = r.getDesiredConfig();
              String where =
                  d == null
                      ? ""
                      : (d.getNamespace() == null || d.getNamespace().isEmpty()
                              ? ""
                              : d.getNamespace() + "/")
                          + d.getName();
              String hash =
                  d == null || d.getSpecHash() == null || d.getSpecHash().isEmpty()
                      ? "missing"
                      : d.getSpecHash().substring(0, Math.min(8, d.getSpecHash().length()));
              return r.getResource() + " " + where + "@" + hash;
            })
        .collect(Collectors.joining(", "));
  }

  private static String state(List<Condition> conditions, String type) {
    return Conditions.find(conditions, type).map(Condition::getStatus).orElse("");
  }
}
