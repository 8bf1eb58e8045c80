package io.ocmj.api.work.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;

/** The identity used to apply a ManifestWork. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ManifestWorkExecutor extends UnknownFields {
  @JsonPropertyDescription("The subject the agent acts as.")
  private ManifestWorkExecutorSubject subject;

  public ManifestWorkExecutorSubject getSubject() {
    return subject;
  }

  public void setSubject(ManifestWorkExecutorSubject subject) {
    this.subject = subject;
  }
}
