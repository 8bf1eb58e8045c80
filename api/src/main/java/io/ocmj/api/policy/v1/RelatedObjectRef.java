package io.ocmj.api.policy.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ocmj.api.UnknownFields;

/** The identity of a related object. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class RelatedObjectRef extends UnknownFields {

  private String apiVersion;

  private String kind;

  private RelatedObjectMeta metadata;

  public String getApiVersion() {
    return apiVersion;
  }

  public void setApiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public RelatedObjectMeta getMetadata() {
    return metadata;
  }

  public void setMetadata(RelatedObjectMeta metadata) {
    this.metadata = metadata;
  }
}
