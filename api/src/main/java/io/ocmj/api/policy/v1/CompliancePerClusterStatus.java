package io.ocmj.api.policy.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ocmj.api.UnknownFields;

/** The compliance of a root policy on one cluster. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class CompliancePerClusterStatus extends UnknownFields {

  private String clustername;

  private String clusternamespace;

  private String compliant;

  public String getClustername() {
    return clustername;
  }

  public void setClustername(String clustername) {
    this.clustername = clustername;
  }

  public String getClusternamespace() {
    return clusternamespace;
  }

  public void setClusternamespace(String clusternamespace) {
    this.clusternamespace = clusternamespace;
  }

  public String getCompliant() {
    return compliant;
  }

  public void setCompliant(String compliant) {
    this.compliant = compliant;
  }
}
