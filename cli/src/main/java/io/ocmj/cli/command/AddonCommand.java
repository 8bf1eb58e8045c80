package io.ocmj.cli.command;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ocmj.api.addon.v1alpha1.ClusterManagementAddOn;
import io.ocmj.api.addon.v1alpha1.InstallStrategy;
import io.ocmj.api.addon.v1alpha1.InstallStrategyType;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOnSpec;
import io.ocmj.api.addon.v1alpha1.PlacementStrategy;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.cli.UserError;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ocmj addon enable|disable --name X (--clusters a,b | --placement ns/name)}: like {@code
 * clusteradm addon enable}: ManagedClusterAddOns by hand, or an install placement on the
 * ClusterManagementAddOn (install strategy Placements).
 */
@Command(
    name = "addon",
    mixinStandardHelpOptions = true,
    description = "Enable or disable an add-on on clusters, or by a placement.")
public final class AddonCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", description = "enable or disable.")
  String action;

  @Option(
      names = "--name",
      required = true,
      description = "The add-on (its ClusterManagementAddOn).")
  String name;

  @Option(
      names = "--clusters",
      split = ",",
      description = "Clusters to enable it on or disable it from.")
  List<String> clusters = new ArrayList<>();

  @Option(names = "--placement", description = "An install placement, <namespace>/<name>.")
  String placement;

  @Mixin HubKubeconfigMixin hubOptions;

  @Override
  public Integer call() {
    boolean enable = "enable".equals(action);
    if (!enable && !"disable".equals(action)) {
      throw new UserError("addon " + action + ": unknown action; try: ocmj addon enable|disable");
    }
    if (clusters.isEmpty() == (placement == null)) {
      throw new UserError(
          "addon " + action + ": give either --clusters a,b or --placement ns/name");
    }
    PrintWriter out = spec.commandLine().getOut();
    try (KubernetesClient hub = hubOptions.connect()) {
      ClusterManagementAddOn cma = hub.resources(ClusterManagementAddOn.class).withName(name).get();
      if (cma == null) {
        throw new UserError("addon " + action + ": there is no ClusterManagementAddOn " + name);
      }
      if (placement != null) {
        placement(hub, cma, enable, out);
      } else {
        for (String cluster : clusters) {
          if (enable) {
            enable(hub, cluster, out);
          } else {
            ManagedClusterAddOn mca =
                hub.resources(ManagedClusterAddOn.class).inNamespace(cluster).withName(name).get();
            if (mca != null && ownedBy(mca, cma)) {
              throw new UserError(
                  "addon disable --clusters "
                      + cluster
                      + ": installed by the add-on's placements, it would come back; change the"
                      + " placement or use --placement");
            }
            hub.resources(ManagedClusterAddOn.class).inNamespace(cluster).withName(name).delete();
            out.printf("addon %s disabled on %s%n", name, cluster);
          }
        }
      }
    }
    out.flush();
    return 0;
  }

  private void enable(KubernetesClient hub, String cluster, PrintWriter out) {
    if (hub.resources(ManagedCluster.class).withName(cluster).get() == null) {
      throw new UserError("addon enable --clusters " + cluster + ": no such ManagedCluster");
    }
    ManagedClusterAddOn mca = new ManagedClusterAddOn();
    mca.getMetadata().setName(name);
    mca.getMetadata().setNamespace(cluster);
    mca.setSpec(new ManagedClusterAddOnSpec());
    try {
      hub.resource(mca).create();
      out.printf("addon %s enabled on %s%n", name, cluster);
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        throw new UserError("addon enable on " + cluster + ": " + e.getMessage());
      }
      out.printf("addon %s already enabled on %s%n", name, cluster);
    }
  }

  private void placement(
      KubernetesClient hub, ClusterManagementAddOn cma, boolean enable, PrintWriter out) {
    int slash = placement.indexOf('/');
    if (slash <= 0 || slash == placement.length() - 1) {
      throw new UserError("addon --placement " + placement + ": write it as <namespace>/<name>");
    }
    String ns = placement.substring(0, slash);
    String pname = placement.substring(slash + 1);
    hub.resources(ClusterManagementAddOn.class)
        .withName(name)
        .edit(
            c -> {
              if (c.getSpec().getInstallStrategy() == null) {
                c.getSpec().setInstallStrategy(new InstallStrategy());
              }
              InstallStrategy s = c.getSpec().getInstallStrategy();
              s.getPlacements()
                  .removeIf(p -> ns.equals(p.getNamespace()) && pname.equals(p.getName()));
              if (enable) {
                PlacementStrategy p = new PlacementStrategy();
                p.setNamespace(ns);
                p.setName(pname);
                s.getPlacements().add(p);
              }
              s.setType(
                  s.getPlacements().isEmpty()
                      ? InstallStrategyType.Manual
                      : InstallStrategyType.Placements);
              return c;
            });
    ClusterManagementAddOn updated =
        hub.resources(ClusterManagementAddOn.class).withName(name).get();
    if (!enable && updated.getSpec().getInstallStrategy().getType() == InstallStrategyType.Manual) {
      // No install placement left: what the placements installed goes (the manager only removes
      // add-ons while it installs by placements).
      for (ManagedClusterAddOn m :
          hub.resources(ManagedClusterAddOn.class).inAnyNamespace().list().getItems()) {
        if (m.getMetadata().getName().equals(name) && ownedBy(m, updated)) {
          hub.resource(m).delete();
          out.printf("addon %s disabled on %s%n", name, m.getMetadata().getNamespace());
        }
      }
    }
    out.printf(
        "addon %s %s placement %s%n",
        name, enable ? "installed by" : "no longer installed by", placement);
  }

  private static boolean ownedBy(ManagedClusterAddOn m, ClusterManagementAddOn cma) {
    return m.getMetadata().getOwnerReferences().stream()
        .anyMatch(o -> cma.getMetadata().getUid().equals(o.getUid()));
  }
}
