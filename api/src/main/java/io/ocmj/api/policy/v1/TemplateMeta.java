package io.ocmj.api.policy.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ocmj.api.UnknownFields;

/** Name and namespace of a template object. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class TemplateMeta extends UnknownFields {

  private String name;

  private String namespace;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }
}
