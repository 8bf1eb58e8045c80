package io.ocmj.api.addon.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/**
 * The identity an add-on agent registers with; unset parts default to {@link
 * ManagedClusterAddOn#agentUser} and {@link ManagedClusterAddOn#agentGroups}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class Subject extends UnknownFields {
  @JsonPropertyDescription("User name of the add-on agent.")
  private String user;

  @JsonPropertyDescription("Groups of the add-on agent.")
  private List<String> groups = new ArrayList<>();

  @JsonProperty("organizationUnit")
  @JsonPropertyDescription("Organization units of the add-on agent's certificate.")
  private List<String> organizationUnits = new ArrayList<>();

  public String getUser() {
    return user;
  }

  public void setUser(String user) {
    this.user = user;
  }

  public List<String> getGroups() {
    return groups;
  }

  public void setGroups(List<String> groups) {
    this.groups = groups;
  }

  public List<String> getOrganizationUnits() {
    return organizationUnits;
  }

  public void setOrganizationUnits(List<String> organizationUnits) {
    this.organizationUnits = organizationUnits;
  }
}
