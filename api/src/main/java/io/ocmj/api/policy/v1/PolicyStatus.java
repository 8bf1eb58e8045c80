package io.ocmj.api.policy.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** Compliance of a policy: per cluster on the root, per template on a replica. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PolicyStatus extends UnknownFields {
  @JsonPropertyDescription("Root only: the bindings and placements that place this policy.")
  private List<PolicyPlacementStatus> placement = new ArrayList<>();

  @JsonPropertyDescription("Root only: each placed cluster's state, sorted by cluster name.")
  private List<CompliancePerClusterStatus> status = new ArrayList<>();

  @JsonPropertyDescription("Compliant, Pending, NonCompliant, or empty when unknown.")
  private String compliant;

  @JsonPropertyDescription("Replica only: each template's state and history.")
  private List<DetailsPerTemplate> details = new ArrayList<>();

  public List<PolicyPlacementStatus> getPlacement() {
    return placement;
  }

  public void setPlacement(List<PolicyPlacementStatus> placement) {
    this.placement = placement;
  }

  public List<CompliancePerClusterStatus> getStatus() {
    return status;
  }

  public void setStatus(List<CompliancePerClusterStatus> status) {
    this.status = status;
  }

  public String getCompliant() {
    return compliant;
  }

  public void setCompliant(String compliant) {
    this.compliant = compliant;
  }

  public List<DetailsPerTemplate> getDetails() {
    return details;
  }

  public void setDetails(List<DetailsPerTemplate> details) {
    this.details = details;
  }
}
