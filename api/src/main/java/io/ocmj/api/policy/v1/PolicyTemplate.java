package io.ocmj.api.policy.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** One policy engine object inside a Policy. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PolicyTemplate extends UnknownFields {
  @JsonPropertyDescription("The object to create on the managed cluster.")
  @Required
  private ObjectDefinition objectDefinition;

  @JsonPropertyDescription("Dependencies of this template only.")
  private List<PolicyDependency> extraDependencies = new ArrayList<>();

  @JsonPropertyDescription("Report Pending as Compliant for this template.")
  private boolean ignorePending;

  public ObjectDefinition getObjectDefinition() {
    return objectDefinition;
  }

  public void setObjectDefinition(ObjectDefinition objectDefinition) {
    this.objectDefinition = objectDefinition;
  }

  public List<PolicyDependency> getExtraDependencies() {
    return extraDependencies;
  }

  public void setExtraDependencies(List<PolicyDependency> extraDependencies) {
    this.extraDependencies = extraDependencies;
  }

  public boolean isIgnorePending() {
    return ignorePending;
  }

  public void setIgnorePending(boolean ignorePending) {
    this.ignorePending = ignorePending;
  }
}
