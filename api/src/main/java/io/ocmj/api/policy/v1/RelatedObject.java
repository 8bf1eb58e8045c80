package io.ocmj.api.policy.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ocmj.api.UnknownFields;

/** An object an evaluation looked at, and what it found. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class RelatedObject extends UnknownFields {

  private RelatedObjectRef object;

  private String compliant;

  private String reason;

  private RelatedObjectProperties properties;

  public RelatedObjectRef getObject() {
    return object;
  }

  public void setObject(RelatedObjectRef object) {
    this.object = object;
  }

  public String getCompliant() {
    return compliant;
  }

  public void setCompliant(String compliant) {
    this.compliant = compliant;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public RelatedObjectProperties getProperties() {
    return properties;
  }

  public void setProperties(RelatedObjectProperties properties) {
    this.properties = properties;
  }
}
