package io.ocmj.api.cluster.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;

/** One address of a managed cluster's API server. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ClientConfig extends UnknownFields {
  @JsonPropertyDescription("The https URL of the managed cluster's API server.")
  @Required
  @Pattern("^https://.*$")
  private String url;

  @JsonPropertyDescription(
      "Base64 of the PEM CA bundle that verifies the API server's certificate.")
  private String caBundle;

  public ClientConfig() {}

  public ClientConfig(String url) {
    this.url = url;
  }

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public String getCaBundle() {
    return caBundle;
  }

  public void setCaBundle(String caBundle) {
    this.caBundle = caBundle;
  }
}
