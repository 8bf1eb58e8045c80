package io.ocmj.api.cluster.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.ocmj.api.UnknownFields;

/** Selects clusters by labels, by claims and by CEL expressions over the ManagedCluster. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ClusterSelector extends UnknownFields {
  @JsonPropertyDescription("Selector over the ManagedCluster's labels.")
  private LabelSelector labelSelector;

  @JsonPropertyDescription("Selector over status.clusterClaims (name as key).")
  private ClaimSelector claimSelector;

  @JsonPropertyDescription("CEL expressions over the ManagedCluster, ANDed.")
  private CelSelector celSelector;

  public LabelSelector getLabelSelector() {
    return labelSelector;
  }

  public void setLabelSelector(LabelSelector labelSelector) {
    this.labelSelector = labelSelector;
  }

  public ClaimSelector getClaimSelector() {
    return claimSelector;
  }

  public void setClaimSelector(ClaimSelector claimSelector) {
    this.claimSelector = claimSelector;
  }

  public CelSelector getCelSelector() {
    return celSelector;
  }

  public void setCelSelector(CelSelector celSelector) {
    this.celSelector = celSelector;
  }
}
