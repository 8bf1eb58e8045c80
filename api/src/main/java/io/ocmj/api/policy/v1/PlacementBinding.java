package io.ocmj.api.policy.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;
import java.util.ArrayList;
import java.util.List;

/**
 * OCM's PlacementBinding: places Policies and PolicySets on the clusters a Placement selects. Like
 * OCM's, it has no spec: its fields are at the top level.
 */
@Group(Policy.GROUP)
@Version(Policy.VERSION)
@Plural("placementbindings")
@Singular("placementbinding")
@ShortNames("pb")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PlacementBinding extends CustomResource<Void, PlacementBindingStatus>
    implements Namespaced {
  public static final String KIND = "PlacementBinding";

  /** A restricted binding only applies its overrides to clusters other bindings select. */
  public static final String SUB_FILTER_RESTRICTED = "restricted";

  @JsonPropertyDescription("The Placement whose decisions select the clusters.")
  @Required
  private PlacementRef placementRef;

  @JsonPropertyDescription("The Policies and PolicySets to place.")
  @Required
  @Size(min = 1)
  private List<Subject> subjects = new ArrayList<>();

  @JsonPropertyDescription("Changes to the replicas this binding places.")
  private BindingOverrides bindingOverrides;

  @JsonPropertyDescription("restricted: apply overrides only, to clusters other bindings select.")
  @Pattern("^restricted$")
  private String subFilter;

  public PlacementRef getPlacementRef() {
    return placementRef;
  }

  public void setPlacementRef(PlacementRef placementRef) {
    this.placementRef = placementRef;
  }

  public List<Subject> getSubjects() {
    return subjects;
  }

  public void setSubjects(List<Subject> subjects) {
    this.subjects = subjects;
  }

  public BindingOverrides getBindingOverrides() {
    return bindingOverrides;
  }

  public void setBindingOverrides(BindingOverrides bindingOverrides) {
    this.bindingOverrides = bindingOverrides;
  }

  public String getSubFilter() {
    return subFilter;
  }

  public void setSubFilter(String subFilter) {
    this.subFilter = subFilter;
  }
}
