package io.ocmj.api.gitops.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;

/** The webhook receiver for this GitSync. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class WebhookSpec extends UnknownFields {
  @JsonPropertyDescription(
      "Secret whose key 'token' signs (GitHub, generic HMAC) or is (GitLab) the webhook token.")
  @Required
  private LocalObjectReference secretRef;

  public LocalObjectReference getSecretRef() {
    return secretRef;
  }

  public void setSecretRef(LocalObjectReference secretRef) {
    this.secretRef = secretRef;
  }
}
