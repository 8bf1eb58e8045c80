package io.ocmj.api.policy.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** A named group of Policies in one namespace. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PolicySetSpec extends UnknownFields {

  private String description;

  @JsonPropertyDescription("Names of Policies in this namespace.")
  @Required
  private List<String> policies = new ArrayList<>();

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public List<String> getPolicies() {
    return policies;
  }

  public void setPolicies(List<String> policies) {
    this.policies = policies;
  }
}
