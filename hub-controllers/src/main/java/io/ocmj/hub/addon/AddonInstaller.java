package io.ocmj.hub.addon;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.ocmj.api.addon.v1alpha1.AddOnConfig;
import io.ocmj.api.addon.v1alpha1.ClusterManagementAddOn;
import io.ocmj.api.addon.v1alpha1.ClusterManagementAddOnStatus;
import io.ocmj.api.addon.v1alpha1.ConfigMeta;
import io.ocmj.api.addon.v1alpha1.DefaultConfigReference;
import io.ocmj.api.addon.v1alpha1.InstallConfigReference;
import io.ocmj.api.addon.v1alpha1.InstallProgression;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOnSpec;
import io.ocmj.api.addon.v1alpha1.PlacementStrategy;
import io.ocmj.api.cluster.v1.ManagedCluster;
import io.ocmj.api.cluster.v1beta1.PlacementDecision;
import io.ocmj.api.status.Conditions;
import io.ocmj.api.work.v1.ManifestWork;
import io.ocmj.hub.InformerCaches;
import io.ocmj.hub.status.ConditionsApply;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Install strategy {@code Placements}: a ManagedClusterAddOn (owned by the ClusterManagementAddOn,
 * carrying the ManagedCluster's {@code addon.open-cluster-management.io} annotations) in the
 * namespace of every cluster an install placement decided, deleted when the cluster leaves every
 * decision; the ClusterManagementAddOn's status gets {@code defaultconfigReferences} and one
 * install progression per placement. {@code Manual} (the default) and the {@code self} lifecycle
 * leave ManagedClusterAddOns to their users.
 */
@ControllerConfiguration(
    name = "addon-install",
    maxReconciliationInterval =
        @MaxReconciliationInterval(interval = 1, timeUnit = TimeUnit.MINUTES))
public final class AddonInstaller implements Reconciler<ClusterManagementAddOn> {
  private static final Logger LOG = LoggerFactory.getLogger(AddonInstaller.class);

  private final Clock clock;

  public AddonInstaller(Clock clock) {
    this.clock = clock;
  }

  @Override
  public List<EventSource<?, ClusterManagementAddOn>> prepareEventSources(
      EventSourceContext<ClusterManagementAddOn> context) {
    InformerEventSourceConfiguration<PlacementDecision> decisions =
        InformerEventSourceConfiguration.from(PlacementDecision.class, ClusterManagementAddOn.class)
            .withLabelSelector(PlacementDecision.LABEL_PLACEMENT)
            .withSecondaryToPrimaryMapper(
                d ->
                    context
                        .getPrimaryCache()
                        .list(cma -> places(cma, d))
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            .build();
    InformerEventSourceConfiguration<ManagedClusterAddOn> addons =
        InformerEventSourceConfiguration.from(
                ManagedClusterAddOn.class, ClusterManagementAddOn.class)
            .withSecondaryToPrimaryMapper(m -> Set.of(new ResourceID(m.getMetadata().getName())))
            .build();
    // The add-ons' deploy works (their status drives the rollout), cached for the reconciles.
    InformerEventSourceConfiguration<ManifestWork> works =
        InformerEventSourceConfiguration.from(ManifestWork.class, ClusterManagementAddOn.class)
            .withLabelSelector(ManagedClusterAddOn.LABEL_ADDON_NAME)
            .withSecondaryToPrimaryMapper(
                w ->
                    Set.of(
                        new ResourceID(
                            w.getMetadata().getLabels().get(ManagedClusterAddOn.LABEL_ADDON_NAME))))
            .build();
    return List.of(
        new InformerEventSource<>(decisions, context),
        new InformerEventSource<>(addons, context),
        new InformerEventSource<>(works, context));
  }

  private static boolean places(ClusterManagementAddOn cma, PlacementDecision d) {
    String placement = d.getMetadata().getLabels().get(PlacementDecision.LABEL_PLACEMENT);
    return AddonPlacements.byPlacements(cma)
        && cma.getSpec().getInstallStrategy().getPlacements().stream()
            .anyMatch(
                p ->
                    p.getNamespace().equals(d.getMetadata().getNamespace())
                        && p.getName().equals(placement));
  }

  @Override
  public UpdateControl<ClusterManagementAddOn> reconcile(
      ClusterManagementAddOn cma, Context<ClusterManagementAddOn> context) {
    KubernetesClient client = context.getClient();
    String addon = cma.getMetadata().getName();
    Map<String, PlacementStrategy> selected = AddonPlacements.byCluster(client, cma);
    // From the informers' caches: a reconcile runs on every add-on's change, and listing every
    // cluster's add-ons and works from the API server each time grew with the square of the fleet.
    List<ManagedClusterAddOn> existing =
        InformerCaches.list(context, ManagedClusterAddOn.class).stream()
            .filter(m -> m.getMetadata().getName().equals(addon))
            .toList();
    Function<String, List<ManifestWork>> worksOf =
        cluster -> AddonWorks.of(InformerCaches.list(context, ManifestWork.class, cluster), addon);
    if (AddonPlacements.byPlacements(cma)) {
      Set<String> present =
          existing.stream().map(m -> m.getMetadata().getNamespace()).collect(Collectors.toSet());
      for (String cluster : selected.keySet()) {
        if (!present.contains(cluster)) {
          create(client, cma, cluster);
        }
      }
      for (ManagedClusterAddOn m : existing) {
        if (!selected.containsKey(m.getMetadata().getNamespace()) && ownedBy(m, cma)) {
          // The cache may be behind: delete only the very object it showed (same uid).
          ManagedClusterAddOn live =
              client
                  .resources(ManagedClusterAddOn.class)
                  .inNamespace(m.getMetadata().getNamespace())
                  .withName(addon)
                  .get();
          if (live == null
              || !live.getMetadata().getUid().equals(m.getMetadata().getUid())
              || !ownedBy(live, cma)) {
            continue;
          }
          client
              .resource(live)
              .lockResourceVersion(live.getMetadata().getResourceVersion())
              .delete();
          LOG.info(
              "addon {}: cluster {} left the install placements",
              addon,
              m.getMetadata().getNamespace());
        }
      }
    }
    if (AddonPlacements.byPlacements(cma)) {
      for (PlacementStrategy p : cma.getSpec().getInstallStrategy().getPlacements()) {
        rollOut(client, cma, p, selected, existing, worksOf);
      }
    }
    ClusterManagementAddOnStatus status = status(client, cma, selected, existing);
    ConditionsApply.applyStatusIfChanged(
        client, cma, AddonWorks.FIELD_MANAGER, cma.getStatus(), status);
    return UpdateControl.noUpdate();
  }

  /** Admits the clusters of a placement to their current configs, by its rolloutStrategy. */
  private static void rollOut(
      KubernetesClient client,
      ClusterManagementAddOn cma,
      PlacementStrategy p,
      Map<String, PlacementStrategy> selected,
      List<ManagedClusterAddOn> existing,
      Function<String, List<ManifestWork>> worksOf) {
    String addon = cma.getMetadata().getName();
    List<AddonRollout.Target> targets = new ArrayList<>();
    for (ManagedClusterAddOn mca : existing) {
      String cluster = mca.getMetadata().getNamespace();
      if (selected.get(cluster) != p) {
        continue;
      }
      AddonConfigs.Resolved configs =
          AddonConfigs.read(client, cma, AddonConfigs.desired(cma, p.getConfigs(), mca));
      if (configs.problem().isPresent()) {
        continue; // the deployer says what is wrong; nothing to roll out
      }
      targets.add(
          new AddonRollout.Target(
              mca, AddonRollout.hash(AddonConfigs.hashes(configs)), worksOf.apply(cluster)));
    }
    targets.sort(java.util.Comparator.comparing(t -> t.mca().getMetadata().getNamespace()));
    for (AddonRollout.Target t : AddonRollout.toAdmit(p.getRolloutStrategy(), targets)) {
      client
          .resources(ManagedClusterAddOn.class)
          .inNamespace(t.mca().getMetadata().getNamespace())
          .withName(addon)
          .patch(
              io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                  io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
              Serialization.asJson(
                  Map.of(
                      "metadata",
                      Map.of(
                          "annotations", Map.of(AddonRollout.ANNOTATION_CONFIG_HASH, t.want())))));
    }
  }

  private static boolean ownedBy(ManagedClusterAddOn m, ClusterManagementAddOn cma) {
    return m.getMetadata().getOwnerReferences().stream()
        .anyMatch(o -> cma.getMetadata().getUid().equals(o.getUid()));
  }

  private static void create(KubernetesClient client, ClusterManagementAddOn cma, String cluster) {
    ManagedCluster managed = client.resources(ManagedCluster.class).withName(cluster).get();
    if (managed == null) {
      return; // decided but not (or no longer) a cluster of this hub
    }
    ManagedClusterAddOn mca = new ManagedClusterAddOn();
    mca.getMetadata().setName(cma.getMetadata().getName());
    mca.getMetadata().setNamespace(cluster);
    Map<String, String> annotations = new LinkedHashMap<>();
    if (managed.getMetadata().getAnnotations() != null) {
      managed
          .getMetadata()
          .getAnnotations()
          .forEach(
              (k, v) -> {
                if (k.startsWith(ManagedClusterAddOn.ANNOTATION_PREFIX)) {
                  annotations.put(k, v);
                }
              });
    }
    mca.getMetadata().setAnnotations(annotations);
    mca.getMetadata()
        .setOwnerReferences(
            List.of(
                new OwnerReferenceBuilder()
                    .withApiVersion(ClusterManagementAddOn.API_VERSION)
                    .withKind(ClusterManagementAddOn.KIND)
                    .withName(cma.getMetadata().getName())
                    .withUid(cma.getMetadata().getUid())
                    .build()));
    mca.setSpec(new ManagedClusterAddOnSpec());
    try {
      client.resource(mca).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != 409) {
        LOG.warn(
            "addon {}: not installed on {}: {}",
            cma.getMetadata().getName(),
            cluster,
            e.getMessage());
      }
    }
  }

  private ClusterManagementAddOnStatus status(
      KubernetesClient client,
      ClusterManagementAddOn cma,
      Map<String, PlacementStrategy> selected,
      List<ManagedClusterAddOn> existing) {
    ClusterManagementAddOnStatus status =
        cma.getStatus() == null
            ? new ClusterManagementAddOnStatus()
            : Serialization.clone(cma.getStatus());
    List<DefaultConfigReference> defaults = new ArrayList<>();
    for (ConfigMeta supported : cma.getSpec().getSupportedConfigs()) {
      if (supported.getDefaultConfig() == null) {
        continue;
      }
      AddOnConfig c = new AddOnConfig();
      c.setGroup(supported.getGroup());
      c.setResource(supported.getResource());
      c.setNamespace(supported.getDefaultConfig().getNamespace());
      c.setName(supported.getDefaultConfig().getName());
      var read = AddonConfigs.read(client, cma, Map.of("default", c)).configs().get(0);
      DefaultConfigReference ref = new DefaultConfigReference();
      ref.setGroup(read.reference().getGroup());
      ref.setResource(read.reference().getResource());
      ref.setDesiredConfig(read.reference().getDesiredConfig());
      defaults.add(ref);
    }
    status.setDefaultConfigReferences(defaults);
    List<InstallProgression> progressions = new ArrayList<>();
    if (AddonPlacements.byPlacements(cma)) {
      Instant now = clock.instant();
      for (PlacementStrategy p : cma.getSpec().getInstallStrategy().getPlacements()) {
        progressions.add(progression(client, cma, p, selected, existing, status, now));
      }
    }
    status.setInstallProgressions(progressions);
    return status;
  }

  private static InstallProgression progression(
      KubernetesClient client,
      ClusterManagementAddOn cma,
      PlacementStrategy p,
      Map<String, PlacementStrategy> selected,
      List<ManagedClusterAddOn> existing,
      ClusterManagementAddOnStatus previous,
      Instant now) {
    InstallProgression progression = new InstallProgression();
    progression.setNamespace(p.getNamespace());
    progression.setName(p.getName());
    Map<String, AddOnConfig> configs = new LinkedHashMap<>();
    p.getConfigs().forEach(c -> configs.put(AddonConfigs.key(c.getGroup(), c.getResource()), c));
    for (AddonConfigs.Read read : AddonConfigs.read(client, cma, configs).configs()) {
      InstallConfigReference ref = new InstallConfigReference();
      ref.setGroup(read.reference().getGroup());
      ref.setResource(read.reference().getResource());
      ref.setDesiredConfig(read.reference().getDesiredConfig());
      progression.getConfigReferences().add(ref);
    }
    previous.getInstallProgressions().stream()
        .filter(o -> p.getNamespace().equals(o.getNamespace()) && p.getName().equals(o.getName()))
        .findFirst()
        .ifPresent(o -> progression.setConditions(new ArrayList<>(o.getConditions())));
    List<String> clusters =
        selected.entrySet().stream().filter(e -> e.getValue() == p).map(Map.Entry::getKey).toList();
    long done =
        existing.stream()
            .filter(m -> clusters.contains(m.getMetadata().getNamespace()))
            .filter(
                m ->
                    m.getStatus() != null
                        && Conditions.find(
                                m.getStatus().getConditions(),
                                ManagedClusterAddOn.CONDITION_PROGRESSING)
                            .map(c -> ManagedClusterAddOn.REASON_COMPLETED.equals(c.getReason()))
                            .orElse(false))
            .count();
    boolean complete = done == clusters.size();
    Conditions.set(
        progression.getConditions(),
        ManagedClusterAddOn.CONDITION_PROGRESSING,
        complete ? Conditions.FALSE : Conditions.TRUE,
        complete ? ManagedClusterAddOn.REASON_COMPLETED : ManagedClusterAddOn.REASON_PROGRESSING,
        done
            + "/"
            + clusters.size()
            + " "
            + (complete ? "completed with no errors" : "progressing..."),
        cma.getMetadata().getGeneration(),
        now);
    return progression;
  }
}
