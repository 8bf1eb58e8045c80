package io.ocmj.api.policy.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** What a Policy asks of the clusters it is placed on. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PolicySpec extends UnknownFields {
  @JsonPropertyDescription("true removes the policy from every cluster.")
  @Required
  @JsonInclude(JsonInclude.Include.ALWAYS)
  private boolean disabled;

  @JsonPropertyDescription("When set, overrides the remediationAction of every template.")
  @Pattern("^(Inform|inform|Enforce|enforce)$")
  private String remediationAction;

  @JsonPropertyDescription(
      "false: only labels and annotations prefixed policy.open-cluster-management.io/ reach replicas (default true).")
  private Boolean copyPolicyMetadata;

  @JsonPropertyDescription(
      "The policy engine objects (ConfigurationPolicy, Gatekeeper constraints) to create on the cluster.")
  @JsonProperty("policy-templates")
  @Required
  private List<PolicyTemplate> policyTemplates = new ArrayList<>();

  @JsonPropertyDescription("Objects whose compliance must match before the templates are created.")
  private List<PolicyDependency> dependencies = new ArrayList<>();

  @JsonPropertyDescription("Options for hub templates.")
  private HubTemplateOptions hubTemplateOptions;

  public boolean isDisabled() {
    return disabled;
  }

  public void setDisabled(boolean disabled) {
    this.disabled = disabled;
  }

  public String getRemediationAction() {
    return remediationAction;
  }

  public void setRemediationAction(String remediationAction) {
    this.remediationAction = remediationAction;
  }

  public Boolean getCopyPolicyMetadata() {
    return copyPolicyMetadata;
  }

  public void setCopyPolicyMetadata(Boolean copyPolicyMetadata) {
    this.copyPolicyMetadata = copyPolicyMetadata;
  }

  public List<PolicyTemplate> getPolicyTemplates() {
    return policyTemplates;
  }

  public void setPolicyTemplates(List<PolicyTemplate> policyTemplates) {
    this.policyTemplates = policyTemplates;
  }

  public List<PolicyDependency> getDependencies() {
    return dependencies;
  }

  public void setDependencies(List<PolicyDependency> dependencies) {
    this.dependencies = dependencies;
  }

  public HubTemplateOptions getHubTemplateOptions() {
    return hubTemplateOptions;
  }

  public void setHubTemplateOptions(HubTemplateOptions hubTemplateOptions) {
    this.hubTemplateOptions = hubTemplateOptions;
  }
}
