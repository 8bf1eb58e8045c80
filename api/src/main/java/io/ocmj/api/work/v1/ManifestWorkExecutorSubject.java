package io.ocmj.api.work.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;

/** The subject of an executor. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ManifestWorkExecutorSubject extends UnknownFields {
  @JsonPropertyDescription("Only ServiceAccount.")
  @Required
  private ExecutorSubjectType type;

  @JsonPropertyDescription("The service account when type is ServiceAccount.")
  private ServiceAccountSubject serviceAccount;

  public ExecutorSubjectType getType() {
    return type;
  }

  public void setType(ExecutorSubjectType type) {
    this.type = type;
  }

  public ServiceAccountSubject getServiceAccount() {
    return serviceAccount;
  }

  public void setServiceAccount(ServiceAccountSubject serviceAccount) {
    this.serviceAccount = serviceAccount;
  }
}
