package io.ocmj.api.policy.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** The aggregate compliance of a PolicySet. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PolicySetStatus extends UnknownFields {

  private List<PolicySetPlacement> placement = new ArrayList<>();

  private String compliant;

  private String statusMessage;

  public List<PolicySetPlacement> getPlacement() {
    return placement;
  }

  public void setPlacement(List<PolicySetPlacement> placement) {
    this.placement = placement;
  }

  public String getCompliant() {
    return compliant;
  }

  public void setCompliant(String compliant) {
    this.compliant = compliant;
  }

  public String getStatusMessage() {
    return statusMessage;
  }

  public void setStatusMessage(String statusMessage) {
    this.statusMessage = statusMessage;
  }
}
