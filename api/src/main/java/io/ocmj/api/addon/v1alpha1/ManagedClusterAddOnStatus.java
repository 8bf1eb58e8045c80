package io.ocmj.api.addon.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.kubernetes.api.model.Condition;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/**
 * Observed state of an add-on on one cluster, written by the hub (add-on manager and the add-on's
 * controller) and by the registration agent.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ManagedClusterAddOnStatus extends UnknownFields {
  @JsonPropertyDescription(
      "Available, Degraded, Progressing, Configured, ManifestApplied, RegistrationApplied, ...")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("Objects related to the add-on, e.g. its ClusterManagementAddOn.")
  private List<ObjectReference> relatedObjects = new ArrayList<>();

  @JsonPropertyDescription("Copy of the ClusterManagementAddOn's addOnMeta.")
  private AddOnMeta addOnMeta;

  @JsonPropertyDescription("Deprecated (use configReferences): the CRD and CR configuring it.")
  private ConfigCoordinates addOnConfiguration;

  @JsonPropertyDescription("Configuration kinds this cluster's configs may override.")
  private List<ConfigGroupResource> supportedConfigs = new ArrayList<>();

  @JsonPropertyDescription("The configurations the add-on uses here and their rollout state.")
  private List<ConfigReference> configReferences = new ArrayList<>();

  @JsonPropertyDescription(
      "Namespace on the managed cluster of the add-on's registration secrets and lease.")
  private String namespace;

  @JsonPropertyDescription("Credentials the agent gets from the hub, one CSR each.")
  private List<RegistrationConfig> registrations = new ArrayList<>();

  @JsonPropertyDescription("How the add-on's health is checked.")
  private HealthCheck healthCheck;

  @JsonPropertyDescription("How the agent gets its kube-apiserver client credential: csr or token.")
  @Pattern("^(csr|token)$")
  private String kubeClientDriver;

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public List<ObjectReference> getRelatedObjects() {
    return relatedObjects;
  }

  public void setRelatedObjects(List<ObjectReference> relatedObjects) {
    this.relatedObjects = relatedObjects;
  }

  public AddOnMeta getAddOnMeta() {
    return addOnMeta;
  }

  public void setAddOnMeta(AddOnMeta addOnMeta) {
    this.addOnMeta = addOnMeta;
  }

  public ConfigCoordinates getAddOnConfiguration() {
    return addOnConfiguration;
  }

  public void setAddOnConfiguration(ConfigCoordinates addOnConfiguration) {
    this.addOnConfiguration = addOnConfiguration;
  }

  public List<ConfigGroupResource> getSupportedConfigs() {
    return supportedConfigs;
  }

  public void setSupportedConfigs(List<ConfigGroupResource> supportedConfigs) {
    this.supportedConfigs = supportedConfigs;
  }

  public List<ConfigReference> getConfigReferences() {
    return configReferences;
  }

  public void setConfigReferences(List<ConfigReference> configReferences) {
    this.configReferences = configReferences;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public List<RegistrationConfig> getRegistrations() {
    return registrations;
  }

  public void setRegistrations(List<RegistrationConfig> registrations) {
    this.registrations = registrations;
  }

  public HealthCheck getHealthCheck() {
    return healthCheck;
  }

  public void setHealthCheck(HealthCheck healthCheck) {
    this.healthCheck = healthCheck;
  }

  public String getKubeClientDriver() {
    return kubeClientDriver;
  }

  public void setKubeClientDriver(String kubeClientDriver) {
    this.kubeClientDriver = kubeClientDriver;
  }
}
