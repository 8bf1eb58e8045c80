package io.ocmj.api.policy.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;

/** Options for resolving hub templates. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class HubTemplateOptions extends UnknownFields {
  @JsonPropertyDescription(
      "ServiceAccount in the policy namespace whose permissions hub-template lookups use.")
  private String serviceAccountName;

  public String getServiceAccountName() {
    return serviceAccountName;
  }

  public void setServiceAccountName(String serviceAccountName) {
    this.serviceAccountName = serviceAccountName;
  }
}
