package io.ocmj.api.addon;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.Kinds;
import io.ocmj.api.addon.v1alpha1.AddOnDeploymentConfig;
import io.ocmj.api.addon.v1alpha1.AddOnDeploymentConfigSpec;
import io.ocmj.api.addon.v1alpha1.ClusterManagementAddOn;
import io.ocmj.api.addon.v1alpha1.ClusterManagementAddOnSpec;
import io.ocmj.api.addon.v1alpha1.ClusterManagementAddOnStatus;
import io.ocmj.api.addon.v1alpha1.ConfigReference;
import io.ocmj.api.addon.v1alpha1.HealthCheckMode;
import io.ocmj.api.addon.v1alpha1.InstallConfigReference;
import io.ocmj.api.addon.v1alpha1.InstallProgression;
import io.ocmj.api.addon.v1alpha1.InstallStrategyType;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOnStatus;
import io.ocmj.api.addon.v1alpha1.PlacementStrategy;
import io.ocmj.api.addon.v1alpha1.RegistrationConfig;
import io.ocmj.api.cluster.v1alpha1.RolloutType;
import io.ocmj.api.status.Conditions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The add-on kinds read and write OCM's v1alpha1 JSON, including its irregular spellings. */
class AddonApiTest {
  private static final String CMA =
      """
      apiVersion: addon.open-cluster-management.io/v1alpha1
      kind: ClusterManagementAddOn
      metadata:
        name: helloworld
        annotations:
          addon.open-cluster-management.io/lifecycle: addon-manager
      spec:
        addOnMeta:
          displayName: Hello World
          description: says hello
        supportedConfigs:
        - group: addon.open-cluster-management.io
          resource: addondeploymentconfigs
          defaultConfig:
            namespace: open-cluster-management
            name: hello-default
        - group: ""
          resource: configmaps
        installStrategy:
          type: Placements
          placements:
          - namespace: open-cluster-management-global-set
            name: global
            configs:
            - group: addon.open-cluster-management.io
              resource: addondeploymentconfigs
              namespace: prod
              name: hello-prod
            rolloutStrategy:
              type: Progressive
              progressive:
                maxConcurrency: 25%
      status:
        defaultconfigReferences:
        - group: addon.open-cluster-management.io
          resource: addondeploymentconfigs
          desiredConfig:
            namespace: open-cluster-management
            name: hello-default
            specHash: abc123
        installProgressions:
        - namespace: open-cluster-management-global-set
          name: global
          configReferences:
          - group: addon.open-cluster-management.io
            resource: addondeploymentconfigs
            desiredConfig: {namespace: prod, name: hello-prod, specHash: def456}
            lastKnownGoodConfig: {namespace: prod, name: hello-prod, specHash: abc123}
            lastAppliedConfig: {namespace: prod, name: hello-prod, specHash: abc123}
          conditions:
          - type: Progressing
            status: "True"
            reason: Progressing
            message: 1/3 progressing
            lastTransitionTime: "2024-01-02T03:04:05Z"
      """;

  private static final String MCA =
      """
      apiVersion: addon.open-cluster-management.io/v1alpha1
      kind: ManagedClusterAddOn
      metadata:
        name: helloworld
        namespace: cluster1
      spec:
        installNamespace: hello-agent
        configs:
        - group: addon.open-cluster-management.io
          resource: addondeploymentconfigs
          namespace: cluster1
          name: hello-cluster1
      status:
        conditions:
        - type: Available
          status: "True"
          reason: ManagedClusterAddOnLeaseUpdated
          message: helloworld add-on is available.
          lastTransitionTime: "2024-01-02T03:04:05Z"
        relatedObjects:
        - group: addon.open-cluster-management.io
          resource: clustermanagementaddons
          name: helloworld
        addOnMeta:
          displayName: Hello World
        supportedConfigs:
        - group: addon.open-cluster-management.io
          resource: addondeploymentconfigs
        configReferences:
        - group: addon.open-cluster-management.io
          resource: addondeploymentconfigs
          namespace: cluster1
          name: hello-cluster1
          lastObservedGeneration: 2
          desiredConfig: {namespace: cluster1, name: hello-cluster1, specHash: h2}
          lastAppliedConfig: {namespace: cluster1, name: hello-cluster1, specHash: h1}
        namespace: hello-agent
        registrations:
        - signerName: kubernetes.io/kube-apiserver-client
          subject:
            user: system:open-cluster-management:cluster:cluster1:addon:helloworld:agent:agent1
            groups:
            - system:open-cluster-management:cluster:cluster1:addon:helloworld
            organizationUnit:
            - ocm
        healthCheck:
          mode: Customized
        kubeClientDriver: token
      """;

  private static final String ADC =
      """
      apiVersion: addon.open-cluster-management.io/v1alpha1
      kind: AddOnDeploymentConfig
      metadata:
        name: hello-prod
        namespace: prod
      spec:
        customizedVariables:
        - name: LOG_LEVEL
          value: debug
        nodePlacement:
          nodeSelector:
            node-role.kubernetes.io/infra: ""
          tolerations:
          - key: node-role.kubernetes.io/infra
            operator: Exists
            effect: NoSchedule
        registries:
        - source: quay.io/open-cluster-management
          mirror: registry.example.com/ocm
        proxyConfig:
          httpsProxy: https://proxy.example.com:3128
          caBundle: LS0tLS1CRUdJTg==
          noProxy: .cluster.local,10.0.0.0/8
        agentInstallNamespace: ""
        resourceRequirements:
        - containerID: deployments:*:manager
          resources:
            limits:
              memory: 512Mi
      """;

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(Object resource) {
    return Serialization.unmarshal(Serialization.asJson(resource), Map.class);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> part(Map<String, Object> map, String key) {
    return (Map<String, Object>) map.get(key);
  }

  @Test
  void clusterManagementAddOnReadsOcmYaml() {
    ClusterManagementAddOn cma = Serialization.unmarshal(CMA, ClusterManagementAddOn.class);

    assertThat(cma.getMetadata().getAnnotations())
        .containsEntry(
            ClusterManagementAddOn.ANNOTATION_LIFECYCLE,
            ClusterManagementAddOn.LIFECYCLE_ADDON_MANAGER);
    ClusterManagementAddOnSpec spec = cma.getSpec();
    assertThat(spec.getAddOnMeta().getDisplayName()).isEqualTo("Hello World");
    assertThat(spec.getSupportedConfigs()).hasSize(2);
    assertThat(spec.getSupportedConfigs().get(0).getResource())
        .isEqualTo(AddOnDeploymentConfig.RESOURCE);
    assertThat(spec.getSupportedConfigs().get(0).getDefaultConfig().getName())
        .isEqualTo("hello-default");
    assertThat(spec.getSupportedConfigs().get(1).getGroup()).isEmpty();
    assertThat(spec.getInstallStrategy().getType()).isEqualTo(InstallStrategyType.Placements);
    assertThat(spec.getInstallStrategy().getType().name())
        .isEqualTo(ClusterManagementAddOn.INSTALL_STRATEGY_PLACEMENTS);
    PlacementStrategy placement = spec.getInstallStrategy().getPlacements().get(0);
    assertThat(placement.getNamespace()).isEqualTo("open-cluster-management-global-set");
    assertThat(placement.getName()).isEqualTo("global");
    assertThat(placement.getConfigs().get(0).getName()).isEqualTo("hello-prod");
    assertThat(placement.getRolloutStrategy().getType()).isEqualTo(RolloutType.Progressive);
    assertThat(placement.getRolloutStrategy().getProgressive().getMaxConcurrency().getStrVal())
        .isEqualTo("25%");

    ClusterManagementAddOnStatus status = cma.getStatus();
    assertThat(status.getDefaultConfigReferences()).hasSize(1);
    assertThat(status.getDefaultConfigReferences().get(0).getDesiredConfig().getSpecHash())
        .isEqualTo("abc123");
    InstallProgression progression = status.getInstallProgressions().get(0);
    assertThat(progression.getName()).isEqualTo("global");
    InstallConfigReference reference = progression.getConfigReferences().get(0);
    assertThat(reference.getDesiredConfig().getSpecHash()).isEqualTo("def456");
    assertThat(reference.getLastKnownGoodConfig().getSpecHash()).isEqualTo("abc123");
    assertThat(reference.getLastAppliedConfig().getNamespace()).isEqualTo("prod");
    assertThat(Conditions.isTrue(progression.getConditions(), "Progressing")).isTrue();
    assertThat(status.unknownFields()).isEmpty();
  }

  @Test
  void defaultConfigReferencesKeepTheirLowerCaseKey() {
    ClusterManagementAddOn cma = Serialization.unmarshal(CMA, ClusterManagementAddOn.class);

    Map<String, Object> status = part(json(cma), "status");

    assertThat(status).containsKey("defaultconfigReferences");
    assertThat(status).doesNotContainKey("defaultConfigReferences");
    assertThat(status.get("defaultconfigReferences").toString()).contains("specHash=abc123");
    ClusterManagementAddOn reread =
        Serialization.unmarshal(Serialization.asJson(cma), ClusterManagementAddOn.class);
    assertThat(reread.getStatus().getDefaultConfigReferences().get(0).getResource())
        .isEqualTo(AddOnDeploymentConfig.RESOURCE);
    assertThat(reread.getStatus().unknownFields()).isEmpty();
  }

  @Test
  void coreGroupIsWrittenAsAnEmptyString() {
    ClusterManagementAddOn cma = Serialization.unmarshal(CMA, ClusterManagementAddOn.class);

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> supported =
        (List<Map<String, Object>>) part(json(cma), "spec").get("supportedConfigs");

    assertThat(supported.get(1)).containsEntry("group", "").containsEntry("resource", "configmaps");
  }

  @Test
  void managedClusterAddOnReadsOcmYaml() {
    ManagedClusterAddOn mca = Serialization.unmarshal(MCA, ManagedClusterAddOn.class);

    assertThat(mca.getSpec().getInstallNamespace()).isEqualTo("hello-agent");
    assertThat(mca.getSpec().getConfigs().get(0).getNamespace()).isEqualTo("cluster1");
    ManagedClusterAddOnStatus status = mca.getStatus();
    assertThat(Conditions.find(status.getConditions(), ManagedClusterAddOn.CONDITION_AVAILABLE))
        .hasValueSatisfying(
            c -> assertThat(c.getReason()).isEqualTo(ManagedClusterAddOn.REASON_LEASE_UPDATED));
    assertThat(status.getRelatedObjects().get(0).getResource())
        .isEqualTo("clustermanagementaddons");
    assertThat(status.getAddOnMeta().getDisplayName()).isEqualTo("Hello World");
    assertThat(status.getSupportedConfigs().get(0).getResource())
        .isEqualTo(AddOnDeploymentConfig.RESOURCE);
    ConfigReference reference = status.getConfigReferences().get(0);
    assertThat(reference.getName()).isEqualTo("hello-cluster1");
    assertThat(reference.getLastObservedGeneration()).isEqualTo(2L);
    assertThat(reference.getDesiredConfig().getSpecHash()).isEqualTo("h2");
    assertThat(reference.getLastAppliedConfig().getSpecHash()).isEqualTo("h1");
    assertThat(status.getNamespace()).isEqualTo("hello-agent");
    RegistrationConfig registration = status.getRegistrations().get(0);
    assertThat(registration.getSignerName())
        .isEqualTo(ManagedClusterAddOn.SIGNER_KUBE_APISERVER_CLIENT);
    assertThat(registration.getSubject().getUser())
        .isEqualTo(ManagedClusterAddOn.agentUser("cluster1", "helloworld", "agent1"));
    assertThat(registration.getSubject().getOrganizationUnits()).containsExactly("ocm");
    assertThat(status.getHealthCheck().getMode()).isEqualTo(HealthCheckMode.Customized);
    assertThat(status.getKubeClientDriver())
        .isEqualTo(ManagedClusterAddOn.KUBE_CLIENT_DRIVER_TOKEN);
    assertThat(status.unknownFields()).isEmpty();

    @SuppressWarnings("unchecked")
    Map<String, Object> subject =
        part(
            ((List<Map<String, Object>>) part(json(mca), "status").get("registrations")).get(0),
            "subject");
    assertThat(subject).containsEntry("organizationUnit", List.of("ocm"));
  }

  @Test
  void addOnDeploymentConfigReadsOcmYaml() {
    AddOnDeploymentConfig adc = Serialization.unmarshal(ADC, AddOnDeploymentConfig.class);

    AddOnDeploymentConfigSpec spec = adc.getSpec();
    assertThat(spec.getCustomizedVariables().get(0).getName()).isEqualTo("LOG_LEVEL");
    assertThat(spec.getCustomizedVariables().get(0).getValue()).isEqualTo("debug");
    assertThat(spec.getNodePlacement().getNodeSelector())
        .containsEntry("node-role.kubernetes.io/infra", "");
    assertThat(spec.getNodePlacement().getTolerations().get(0).getOperator()).isEqualTo("Exists");
    assertThat(spec.getRegistries().get(0).getMirror()).isEqualTo("registry.example.com/ocm");
    assertThat(spec.getProxyConfig().getCaBundle()).isEqualTo("LS0tLS1CRUdJTg==");
    assertThat(spec.getResourceRequirements().get(0).getContainerID())
        .isEqualTo("deployments:*:manager");
    assertThat(spec.getResourceRequirements().get(0).getResources().getLimits())
        .containsEntry("memory", new Quantity("512Mi"));
    assertThat(adc.getStatus()).isNull();
    assertThat(spec.unknownFields()).isEmpty();
  }

  @Test
  void emptyAgentInstallNamespaceSurvivesAWrite() {
    AddOnDeploymentConfig adc = Serialization.unmarshal(ADC, AddOnDeploymentConfig.class);

    // "" means "the AddOnTemplate's namespace"; dropping it would let the API server default it.
    assertThat(part(json(adc), "spec")).containsEntry("agentInstallNamespace", "");
  }

  @Test
  void agentIdentityIsOcmsDefault() {
    assertThat(ManagedClusterAddOn.agentUser("cluster1", "helloworld", "agent1"))
        .isEqualTo("system:open-cluster-management:cluster:cluster1:addon:helloworld:agent:agent1");
    assertThat(ManagedClusterAddOn.agentGroups("cluster1", "helloworld"))
        .containsExactly(
            "system:open-cluster-management:cluster:cluster1:addon:helloworld",
            "system:open-cluster-management:addon:helloworld",
            "system:authenticated");
  }

  @Test
  void kindsHaveOcmsNamesAndScopes() {
    assertThat(Kinds.ALL)
        .contains(
            ClusterManagementAddOn.class, ManagedClusterAddOn.class, AddOnDeploymentConfig.class);
    assertThat(new ClusterManagementAddOn().getScope()).isEqualTo("Cluster");
    assertThat(new ManagedClusterAddOn().getScope()).isEqualTo("Namespaced");
    assertThat(new AddOnDeploymentConfig().getScope()).isEqualTo("Namespaced");
    assertThat(new ClusterManagementAddOn().getCRDName())
        .isEqualTo("clustermanagementaddons.addon.open-cluster-management.io");
    assertThat(new ManagedClusterAddOn().getCRDName())
        .isEqualTo("managedclusteraddons.addon.open-cluster-management.io");
    assertThat(new AddOnDeploymentConfig().getCRDName())
        .isEqualTo("addondeploymentconfigs.addon.open-cluster-management.io");
    assertThat(CustomResource.getShortNames(ClusterManagementAddOn.class))
        .containsExactly("cma", "cmas");
    assertThat(CustomResource.getShortNames(ManagedClusterAddOn.class))
        .containsExactly("mca", "mcas");
    assertThat(new ManagedClusterAddOn().getApiVersion())
        .isEqualTo(ManagedClusterAddOn.API_VERSION);
  }
}
