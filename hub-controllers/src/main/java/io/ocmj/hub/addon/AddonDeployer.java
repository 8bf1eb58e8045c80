package io.ocmj.hub.addon;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.MaxReconciliationInterval;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.ocmj.api.addon.v1alpha1.AddOnDeploymentConfig;
import io.ocmj.api.addon.v1alpha1.AddOnDeploymentConfigSpec;
import io.ocmj.api.addon.v1alpha1.AddOnTemplate;
import io.ocmj.api.addon.v1alpha1.ClusterManagementAddOn;
import io.ocmj.api.addon.v1alpha1.ConfigGroupResource;
import io.ocmj.api.addon.v1alpha1.HealthCheck;
import io.ocmj.api.addon.v1alpha1.HealthCheckMode;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOnStatus;
import io.ocmj.api.addon.v1alpha1.ObjectReference;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys each ManagedClusterAddOn's agent: resolves its configs ({@code Configured}, {@code
 * status.configReferences} with spec hashes), renders the agent with the add-on's {@link
 * AddonAgent} (Java) or AddOnTemplate (a config of the add-on), writes the ManifestWorks and
 * reports {@code ManifestApplied} and, from the works (OCM's work-based health, mode Customized),
 * {@code Available}. Nothing is deployed while a config is missing. Deleting the add-on deletes its
 * works.
 */
@ControllerConfiguration(
    name = "addon-deploy",
    finalizerName = AddonDeployer.FINALIZER,
    generationAwareEventProcessing = false,
    informer = @Informer(onUpdateFilter = SpecOrAnnotationsChanged.class),
    // The inputs that change have event sources (works, deployment configs, templates,
    // definitions, clusters, placement decisions); an add-on not yet healthy is looked at again
    // after RETRY (a missing CA Secret, config or ClusterRole has no event here). The interval
    // repairs drift: at 30 s it made ~8 requests per add-on and cluster every 30 s, the hub's
    // busiest steady load with a fleet (docs/benchmarks.md).
    maxReconciliationInterval =
        @MaxReconciliationInterval(interval = 5, timeUnit = TimeUnit.MINUTES))
public final class AddonDeployer
    implements Reconciler<ManagedClusterAddOn>, Cleaner<ManagedClusterAddOn> {
  /** Removes the add-on's ManifestWorks before the ManagedClusterAddOn goes. */
  static final String FINALIZER = "addon.ocmj.io/manifests-cleanup";

  private static final Logger LOG = LoggerFactory.getLogger(AddonDeployer.class);

  /** When an add-on that is not healthy yet is looked at again without an event. */
  static final java.time.Duration RETRY = java.time.Duration.ofSeconds(30);

  private final Clock clock;
  private final Map<String, AddonAgent> agents;

  public AddonDeployer(Clock clock, List<AddonAgent> agents) {
    this.clock = clock;
    this.agents = new LinkedHashMap<>();
    agents.forEach(a -> this.agents.put(a.name(), a));
  }

  @Override
  public List<EventSource<?, ManagedClusterAddOn>> prepareEventSources(
      EventSourceContext<ManagedClusterAddOn> context) {
    InformerEventSourceConfiguration<ManifestWork> works =
        InformerEventSourceConfiguration.from(ManifestWork.class, ManagedClusterAddOn.class)
            .withLabelSelector(ManagedClusterAddOn.LABEL_ADDON_NAME)
            .withSecondaryToPrimaryMapper(
                w ->
                    Set.of(
                        new ResourceID(
                            w.getMetadata().getLabels().get(ManagedClusterAddOn.LABEL_ADDON_NAME),
                            w.getMetadata().getNamespace())))
            .build();
    // A changed config or add-on definition may concern any add-on: look at them all (few).
    InformerEventSourceConfiguration<AddOnDeploymentConfig> configs =
        InformerEventSourceConfiguration.from(
                AddOnDeploymentConfig.class, ManagedClusterAddOn.class)
            .withSecondaryToPrimaryMapper(c -> all(context))
            .build();
    InformerEventSourceConfiguration<ClusterManagementAddOn> definitions =
        InformerEventSourceConfiguration.from(
                ClusterManagementAddOn.class, ManagedClusterAddOn.class)
            .withOnUpdateFilter(
                (now, before) ->
                    !java.util.Objects.equals(
                        now.getMetadata().getGeneration(), before.getMetadata().getGeneration()))
            .withSecondaryToPrimaryMapper(
                cma ->
                    context
                        .getPrimaryCache()
                        .list(m -> m.getMetadata().getName().equals(cma.getMetadata().getName()))
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            .build();
    // A cluster whose Available goes Unknown (or comes back) changes its add-ons' Available; its
    // image-registries annotation changes their images.
    InformerEventSourceConfiguration<ManagedCluster> clusters =
        InformerEventSourceConfiguration.from(ManagedCluster.class, ManagedClusterAddOn.class)
            .withOnUpdateFilter(
                (now, before) ->
                    !java.util.Objects.equals(available(now), available(before))
                        || !java.util.Objects.equals(registries(now), registries(before)))
            .withSecondaryToPrimaryMapper(
                mc ->
                    context
                        .getPrimaryCache()
                        .list(
                            m -> m.getMetadata().getNamespace().equals(mc.getMetadata().getName()))
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            .build();
    InformerEventSourceConfiguration<AddOnTemplate> templates =
        InformerEventSourceConfiguration.from(AddOnTemplate.class, ManagedClusterAddOn.class)
            .withSecondaryToPrimaryMapper(t -> all(context))
            .build();
    InformerEventSource<ClusterManagementAddOn, ManagedClusterAddOn> definitionSource =
        new InformerEventSource<>(definitions, context);
    // A placement's decisions choose the placement configs of the add-ons it installs: those of the
    // clusters that entered or left a decision (its own cache no longer has a deleted one).
    DecisionChanges changes = new DecisionChanges();
    AtomicReference<InformerEventSource<PlacementDecision, ManagedClusterAddOn>> decisionSource =
        new AtomicReference<>();
    InformerEventSourceConfiguration<PlacementDecision> decisions =
        InformerEventSourceConfiguration.from(PlacementDecision.class, ManagedClusterAddOn.class)
            .withSecondaryToPrimaryMapper(
                d ->
                    installedBy(
                        d,
                        changes.changed(
                            d, decisionSource.get().get(ResourceID.fromResource(d)).isEmpty()),
                        definitionSource,
                        context))
            .build();
    decisionSource.set(new InformerEventSource<>(decisions, context));
    return List.of(
        new InformerEventSource<>(works, context),
        new InformerEventSource<>(configs, context),
        definitionSource,
        new InformerEventSource<>(clusters, context),
        decisionSource.get(),
        new InformerEventSource<>(templates, context));
  }

  /**
   * The add-ons, on {@code clusters}, whose install placements include the decision's placement.
   */
  private static Set<ResourceID> installedBy(
      PlacementDecision decision,
      Set<String> clusters,
      InformerEventSource<ClusterManagementAddOn, ManagedClusterAddOn> definitions,
      EventSourceContext<ManagedClusterAddOn> context) {
    String placement =
        decision.getMetadata().getLabels() == null
            ? null
            : decision.getMetadata().getLabels().get(PlacementDecision.LABEL_PLACEMENT);
    String namespace = decision.getMetadata().getNamespace();
    Set<String> addons =
        definitions
            .list()
            .filter(AddonPlacements::byPlacements)
            .filter(
                cma ->
                    cma.getSpec().getInstallStrategy().getPlacements().stream()
                        .anyMatch(
                            p ->
                                java.util.Objects.equals(p.getName(), placement)
                                    && java.util.Objects.equals(p.getNamespace(), namespace)))
            .map(cma -> cma.getMetadata().getName())
            .collect(Collectors.toSet());
    Set<ResourceID> affected = new java.util.HashSet<>();
    for (String addon : addons) {
      for (String cluster : clusters) {
        ResourceID id = new ResourceID(addon, cluster);
        if (context.getPrimaryCache().get(id).isPresent()) {
          affected.add(id);
        }
      }
    }
    return affected;
  }

  private static String registries(ManagedCluster mc) {
    return mc.getMetadata().getAnnotations() == null
        ? null
        : mc.getMetadata()
            .getAnnotations()
            .get(DeploymentConfigOverrides.ANNOTATION_IMAGE_REGISTRIES);
  }

  private static String available(ManagedCluster mc) {
    return mc.getStatus() == null
        ? null
        : Conditions.find(mc.getStatus().getConditions(), ManagedCluster.CONDITION_AVAILABLE)
            .map(Condition::getStatus)
            .orElse(null);
  }

  private static Set<ResourceID> all(EventSourceContext<ManagedClusterAddOn> context) {
    return context
        .getPrimaryCache()
        .list()
        .map(ResourceID::fromResource)
        .collect(Collectors.toSet());
  }

  @Override
  public UpdateControl<ManagedClusterAddOn> reconcile(
      ManagedClusterAddOn mca, Context<ManagedClusterAddOn> context) {
    KubernetesClient client = context.getClient();
    String addon = mca.getMetadata().getName();
    String cluster = mca.getMetadata().getNamespace();
    ClusterManagementAddOn cma =
        client.resources(ClusterManagementAddOn.class).withName(addon).get();
    ManagedClusterAddOnStatus status =
        mca.getStatus() == null
            ? new ManagedClusterAddOnStatus()
            : Serialization.clone(mca.getStatus());
    Instant now = clock.instant();
    Long generation = mca.getMetadata().getGeneration();
    ManagedCluster managedCluster = client.resources(ManagedCluster.class).withName(cluster).get();
    Optional<Condition> clusterUnknown = clusterUnknown(managedCluster);
    if (cma == null) {
      Conditions.set(
          status.getConditions(),
          ManagedClusterAddOn.CONDITION_CONFIGURED,
          Conditions.FALSE,
          ManagedClusterAddOn.REASON_CONFIGURATIONS_NOT_CONFIGURED,
          "there is no ClusterManagementAddOn " + addon,
          generation,
          now);
      write(client, mca, status, clusterUnknown, now);
      return UpdateControl.<ManagedClusterAddOn>noUpdate().rescheduleAfter(RETRY);
    }
    describe(status, cma);
    AddonConfigs.Resolved configs =
        AddonConfigs.read(
            client,
            cma,
            AddonConfigs.desired(cma, AddonPlacements.configsFor(client, cma, cluster), mca));
    status.setConfigReferences(
        configs.configs().stream().map(AddonConfigs.Read::reference).toList());
    if (configs.problem().isPresent()) {
      Conditions.set(
          status.getConditions(),
          ManagedClusterAddOn.CONDITION_CONFIGURED,
          Conditions.FALSE,
          ManagedClusterAddOn.REASON_CONFIGURATIONS_NOT_CONFIGURED,
          configs.problem().get(),
          generation,
          now);
      write(client, mca, status, clusterUnknown, now);
      // nothing is deployed with a config missing (OCM's rule)
      return UpdateControl.<ManagedClusterAddOn>noUpdate().rescheduleAfter(RETRY);
    }
    Conditions.set(
        status.getConditions(),
        ManagedClusterAddOn.CONDITION_CONFIGURED,
        Conditions.TRUE,
        ManagedClusterAddOn.REASON_CONFIGURATIONS_CONFIGURED,
        "Configurations configured",
        generation,
        now);
    String want = AddonRollout.hash(AddonConfigs.hashes(configs));
    List<ManifestWork> cached =
        AddonWorks.of(InformerCaches.list(context, ManifestWork.class, cluster), addon);
    // None in the cache may mean "not seen yet" (just written): ask the API server then, so a
    // rollout's wait is never skipped on a stale cache.
    List<ManifestWork> before = cached.isEmpty() ? AddonWorks.list(client, cluster, addon) : cached;
    // Installed by a placement and already running: new configs wait for the rollout to admit them.
    boolean waiting =
        !before.isEmpty()
            && AddonPlacements.byPlacements(cma)
            && mca.getMetadata().getOwnerReferences().stream()
                .anyMatch(o -> o.getUid().equals(cma.getMetadata().getUid()))
            && !want.equals(AddonRollout.admitted(mca))
            && !AddonRollout.carry(before, want);
    Optional<String> deployError =
        waiting ? Optional.empty() : deploy(client, mca, managedCluster, configs, status);
    List<ManifestWork> works = waiting ? before : AddonWorks.list(client, cluster, addon);

    Condition applied =
        deployError
            .map(
                e ->
                    AddonWorks.condition(
                        ManagedClusterAddOn.CONDITION_MANIFEST_APPLIED,
                        Conditions.FALSE,
                        ManagedClusterAddOn.REASON_MANIFEST_WORK_APPLY_FAILED,
                        e))
            .orElseGet(() -> AddonWorks.manifestApplied(works));
    set(status, applied, generation, now);
    boolean lease =
        status.getHealthCheck() != null
            && status.getHealthCheck().getMode() == HealthCheckMode.Lease;
    if (clusterUnknown.isEmpty()
        && !lease) { // with Lease health, Available is the registration agent's to write
      set(
          status,
          AddonWorks.available(deployError.isPresent() ? List.of() : works),
          generation,
          now);
    }
    boolean current = !waiting && AddonRollout.done(works, want);
    set(
        status,
        AddonWorks.condition(
            ManagedClusterAddOn.CONDITION_PROGRESSING,
            current || deployError.isPresent() ? Conditions.FALSE : Conditions.TRUE,
            deployError.isPresent()
                ? ManagedClusterAddOn.REASON_FAILED
                : current
                    ? ManagedClusterAddOn.REASON_COMPLETED
                    : ManagedClusterAddOn.REASON_PROGRESSING,
            deployError.isPresent()
                ? "the add-on could not be deployed"
                : current
                    ? "completed with no errors"
                    : waiting
                        ? "waiting for the rollout to reach this cluster (configs " + want + ")"
                        : "applying configs " + want),
        generation,
        now);
    write(client, mca, status, clusterUnknown, now);
    return healthy(status)
        ? UpdateControl.noUpdate()
        : UpdateControl.<ManagedClusterAddOn>noUpdate().rescheduleAfter(RETRY);
  }

  /** Configured, registered, applied and done: nothing to come back for before the interval. */
  static boolean healthy(ManagedClusterAddOnStatus status) {
    List<Condition> c = status.getConditions();
    return Conditions.isTrue(c, ManagedClusterAddOn.CONDITION_CONFIGURED)
        && Conditions.isTrue(c, ManagedClusterAddOn.CONDITION_MANIFEST_APPLIED)
        && !Conditions.isTrue(c, ManagedClusterAddOn.CONDITION_PROGRESSING)
        && Conditions.find(c, ManagedClusterAddOn.CONDITION_REGISTRATION_APPLIED)
            .map(r -> !Conditions.FALSE.equals(r.getStatus()))
            .orElse(true);
  }

  /** The add-on's agent: its AddOnTemplate config's, else the Java add-on of its name, or null. */
  static AddonAgent agentFor(
      AddonConfigs.Resolved configs, String addon, Map<String, AddonAgent> agents) {
    Optional<GenericKubernetesResource> template =
        configs.object(AddOnTemplate.GROUP, AddOnTemplate.RESOURCE);
    return template
        .<AddonAgent>map(
            t -> new TemplateAgent(Serialization.jsonMapper().convertValue(t, AddOnTemplate.class)))
        .orElse(agents.get(addon));
  }

  /** The cluster's Available condition when it is Unknown (its agent stopped reporting). */
  private static Optional<Condition> clusterUnknown(ManagedCluster mc) {
    return mc == null || mc.getStatus() == null
        ? Optional.empty()
        : Conditions.find(mc.getStatus().getConditions(), ManagedCluster.CONDITION_AVAILABLE)
            .filter(c -> Conditions.UNKNOWN.equals(c.getStatus()));
  }

  /** Renders and writes the works; the error (bad template, refused work) if it failed. */
  private Optional<String> deploy(
      KubernetesClient client,
      ManagedClusterAddOn mca,
      ManagedCluster managedCluster,
      AddonConfigs.Resolved configs,
      ManagedClusterAddOnStatus status) {
    String addon = mca.getMetadata().getName();
    String cluster = mca.getMetadata().getNamespace();
    AddOnDeploymentConfigSpec deployment =
        configs
            .object(AddOnDeploymentConfig.GROUP, AddOnDeploymentConfig.RESOURCE)
            .map(
                o ->
                    Serialization.jsonMapper()
                        .convertValue(
                            o.getAdditionalProperties().get("spec"),
                            AddOnDeploymentConfigSpec.class))
            .orElse(null);
    AddonAgent agent = agentFor(configs, addon, agents);
    if (agent == null) {
      // no agent: no credentials either
      AddonRegistration.apply(client, mca, List.of(), List.of(), List.of(), status);
      return Optional.of(
          "add-on "
              + addon
              + " has no agent: neither an AddOnTemplate config nor a Java AddonAgent of that name");
    }
    String installNamespace = installNamespace(mca, deployment);
    status.setNamespace(installNamespace);
    HealthCheck health = new HealthCheck();
    health.setMode(agent.healthCheck());
    status.setHealthCheck(health);
    List<String> clusterRoles;
    List<CustomSigner> signers;
    try {
      clusterRoles = agent.hubClusterRoles();
      signers = agent.customSigners().stream().map(x -> x.on(cluster, addon)).toList();
      for (CustomSigner signer : signers) {
        io.ocmj.hub.registration.AddonSigning.ca(
            client, signer); // refused here, by name, rather than at signing time
      }
    } catch (IllegalArgumentException e) {
      // A registration that cannot be used: what it had stays, nothing new is deployed.
      set(
          status,
          AddonWorks.condition(
              ManagedClusterAddOn.CONDITION_REGISTRATION_APPLIED,
              Conditions.FALSE,
              ManagedClusterAddOn.REASON_SET_PERMISSION_FAILED,
              e.getMessage()),
          mca.getMetadata().getGeneration(),
          clock.instant());
      return Optional.of(e.getMessage());
    }
    AddonRegistration.apply(client, mca, agent.hubPermissions(), clusterRoles, signers, status)
        .ifPresent(c -> set(status, c, mca.getMetadata().getGeneration(), clock.instant()));
    Map<String, String> variables = new LinkedHashMap<>();
    if (deployment != null) {
      deployment.getCustomizedVariables().forEach(v -> variables.put(v.getName(), v.getValue()));
    }
    variables.put("CLUSTER_NAME", cluster);
    variables.put("INSTALL_NAMESPACE", installNamespace);
    try {
      AddonContext addonContext =
          new AddonContext(cluster, managedCluster, installNamespace, variables, deployment);
      List<Map<String, Object>> manifests =
          DeploymentConfigOverrides.apply(
              agent.manifests(addonContext), deployment, managedCluster);
      AddonWorks.apply(
          client,
          mca,
          manifests,
          agent.manifestConfigs(addonContext),
          AddonConfigs.hashes(configs));
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    } catch (KubernetesClientException e) {
      LOG.warn("addon {} on {}: works not written: {}", addon, cluster, e.getMessage());
      return Optional.of(
          "the ManifestWorks were refused: "
              + (e.getStatus() != null ? e.getStatus().getMessage() : e.getMessage()));
    }
  }

  /** The AddOnDeploymentConfig's agentInstallNamespace, the MCA's installNamespace, or OCM's. */
  static String installNamespace(ManagedClusterAddOn mca, AddOnDeploymentConfigSpec deployment) {
    if (deployment != null
        && deployment.getAgentInstallNamespace() != null
        && !deployment.getAgentInstallNamespace().isEmpty()) {
      return deployment.getAgentInstallNamespace();
    }
    if (mca.getSpec() != null
        && mca.getSpec().getInstallNamespace() != null
        && !mca.getSpec().getInstallNamespace().isEmpty()) {
      return mca.getSpec().getInstallNamespace();
    }
    return ManagedClusterAddOn.DEFAULT_INSTALL_NAMESPACE;
  }

  /** What the status says of the add-on's definition (as OCM's manager copies it). */
  private static void describe(ManagedClusterAddOnStatus status, ClusterManagementAddOn cma) {
    status.setAddOnMeta(cma.getSpec().getAddOnMeta());
    status.setSupportedConfigs(
        cma.getSpec().getSupportedConfigs().stream()
            .map(
                s -> {
                  ConfigGroupResource gr = new ConfigGroupResource();
                  gr.setGroup(s.getGroup());
                  gr.setResource(s.getResource());
                  return gr;
                })
            .collect(Collectors.toCollection(ArrayList::new)));
    ObjectReference owner = new ObjectReference();
    owner.setGroup(ClusterManagementAddOn.GROUP);
    owner.setResource("clustermanagementaddons");
    owner.setName(cma.getMetadata().getName());
    status.setRelatedObjects(new ArrayList<>(List.of(owner)));
    if (status.getHealthCheck() == null) {
      HealthCheck health = new HealthCheck();
      health.setMode(HealthCheckMode.Customized); // health from the works (framework level)
      status.setHealthCheck(health);
    }
  }

  private static void set(
      ManagedClusterAddOnStatus status, Condition c, Long generation, Instant now) {
    Conditions.set(
        status.getConditions(),
        c.getType(),
        c.getStatus(),
        c.getReason(),
        c.getMessage(),
        generation,
        now);
  }

  /** The condition types this manager writes (Available only with work-based health). */
  private static final java.util.Set<String> OWNED =
      java.util.Set.of(
          ManagedClusterAddOn.CONDITION_CONFIGURED,
          ManagedClusterAddOn.CONDITION_MANIFEST_APPLIED,
          ManagedClusterAddOn.CONDITION_PROGRESSING,
          ManagedClusterAddOn.CONDITION_REGISTRATION_APPLIED,
          ManagedClusterAddOn.CONDITION_AVAILABLE);

  /**
   * Writes this manager's part of the status: its fields and its condition types only, so that
   * conditions other writers own (the add-on's Degraded, Lease-health Available from the
   * registration agent) are neither taken over nor put back from a stale copy.
   */
  private static void write(
      KubernetesClient client,
      ManagedClusterAddOn mca,
      ManagedClusterAddOnStatus status,
      Optional<Condition> clusterUnknown,
      Instant now) {
    if (clusterUnknown.isPresent()) {
      // OCM's rule: the cluster's agent is gone, so whatever it or the works last said is stale;
      // every add-on of the cluster takes the cluster's Unknown (status, reason, message).
      Conditions.set(
          status.getConditions(),
          ManagedClusterAddOn.CONDITION_AVAILABLE,
          Conditions.UNKNOWN,
          clusterUnknown.get().getReason(),
          clusterUnknown.get().getMessage(),
          mca.getMetadata().getGeneration(),
          now);
    }
    boolean lease =
        status.getHealthCheck() != null
            && status.getHealthCheck().getMode() == HealthCheckMode.Lease
            && clusterUnknown.isEmpty();
    java.util.function.Predicate<Condition> mine =
        c ->
            OWNED.contains(c.getType())
                && !(lease && ManagedClusterAddOn.CONDITION_AVAILABLE.equals(c.getType()));
    ManagedClusterAddOnStatus observed =
        mca.getStatus() == null ? null : Serialization.clone(mca.getStatus());
    status.getConditions().removeIf(mine.negate());
    if (observed != null) {
      observed.getConditions().removeIf(mine.negate());
    }
    ConditionsApply.applyStatusIfChanged(client, mca, AddonWorks.FIELD_MANAGER, observed, status);
  }

  @Override
  public DeleteControl cleanup(ManagedClusterAddOn mca, Context<ManagedClusterAddOn> context) {
    AddonWorks.delete(
        context.getClient(), mca.getMetadata().getNamespace(), mca.getMetadata().getName());
    AddonRegistration.delete(context.getClient(), mca);
    return DeleteControl.defaultDelete();
  }
}
