package io.ocmj.api.policy.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;

/** A Policy or PolicySet a PlacementBinding places. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class Subject extends UnknownFields {
  @Required
  @Pattern("^policy.open-cluster-management.io$")
  private String apiGroup;

  @Required
  @Pattern("^(Policy|PolicySet)$")
  private String kind;

  @Required private String name;

  public String getApiGroup() {
    return apiGroup;
  }

  public void setApiGroup(String apiGroup) {
    this.apiGroup = apiGroup;
  }

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }
}
