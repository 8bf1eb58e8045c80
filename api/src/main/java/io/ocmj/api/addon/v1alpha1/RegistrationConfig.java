package io.ocmj.api.addon.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.ocmj.api.UnknownFields;

/**
 * One credential the add-on agent gets from the hub: the registration agent creates a CSR for it
 * and writes the signed result into the add-on namespace, as {@code <addon>-hub-kubeconfig} for
 * {@link ManagedClusterAddOn#SIGNER_KUBE_APISERVER_CLIENT} and {@code
 * <addon>-<signerName>-client-cert} for other signers.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class RegistrationConfig extends UnknownFields {
  @JsonPropertyDescription("Signer of the agent's CSR, e.g. kubernetes.io/kube-apiserver-client.")
  @Required
  @Size(min = 5, max = 571)
  @Pattern("^([a-z0-9-]+\\.)+[a-z]+\\/[a-z0-9-\\.]+$")
  private String signerName;

  @JsonPropertyDescription("Identity in the certificate; unset means the default agent identity.")
  private Subject subject;

  public String getSignerName() {
    return signerName;
  }

  public void setSignerName(String signerName) {
    this.signerName = signerName;
  }

  public Subject getSubject() {
    return subject;
  }

  public void setSubject(Subject subject) {
    this.subject = subject;
  }
}
