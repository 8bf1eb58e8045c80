package io.ocmj.api.addon.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;

/**
 * One registration of an AddOnTemplate: {@code type} KubeClient or CustomSigner; the rest ({@code
 * kubeClient.hubPermissions}, {@code customSigner}) is kept as written.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@PreserveUnknownFields
public class AddOnTemplateRegistration extends UnknownFields {
  @JsonPropertyDescription("KubeClient or CustomSigner.")
  @Required
  @Pattern("^(KubeClient|CustomSigner)$")
  private String type;

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }
}
