package io.ocmj.api.addon.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;
import io.ocmj.api.work.v1.ManifestWorkSpec;
import java.util.ArrayList;
import java.util.List;

/** What an AddOnTemplate deploys and which hub credentials its agent asks for. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class AddOnTemplateSpec extends UnknownFields {
  @JsonPropertyDescription("The add-on this template is for (the ClusterManagementAddOn's name).")
  @Required
  private String addonName;

  @JsonPropertyDescription("The agent's manifests, as a ManifestWork spec, with {{VARIABLES}}.")
  @Required
  private ManifestWorkSpec agentSpec;

  @JsonPropertyDescription("Hub credentials the agent needs (KubeClient or CustomSigner).")
  private List<AddOnTemplateRegistration> registration = new ArrayList<>();

  public String getAddonName() {
    return addonName;
  }

  public void setAddonName(String addonName) {
    this.addonName = addonName;
  }

  public ManifestWorkSpec getAgentSpec() {
    return agentSpec;
  }

  public void setAgentSpec(ManifestWorkSpec agentSpec) {
    this.agentSpec = agentSpec;
  }

  public List<AddOnTemplateRegistration> getRegistration() {
    return registration;
  }

  public void setRegistration(List<AddOnTemplateRegistration> registration) {
    this.registration = registration;
  }
}
