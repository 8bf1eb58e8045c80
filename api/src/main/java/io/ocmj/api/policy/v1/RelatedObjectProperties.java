package io.ocmj.api.policy.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ocmj.api.UnknownFields;

/** Bookkeeping of a related object. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class RelatedObjectProperties extends UnknownFields {

  private Boolean createdByPolicy;

  private String uid;

  private String diff;

  public Boolean getCreatedByPolicy() {
    return createdByPolicy;
  }

  public void setCreatedByPolicy(Boolean createdByPolicy) {
    this.createdByPolicy = createdByPolicy;
  }

  public String getUid() {
    return uid;
  }

  public void setUid(String uid) {
    this.uid = uid;
  }

  public String getDiff() {
    return diff;
  }

  public void setDiff(String diff) {
    this.diff = diff;
  }
}
