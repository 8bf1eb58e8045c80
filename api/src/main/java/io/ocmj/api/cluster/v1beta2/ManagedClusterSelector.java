package io.ocmj.api.cluster.v1beta2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.ocmj.api.UnknownFields;

/** Selects the members of a ManagedClusterSet. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ManagedClusterSelector extends UnknownFields {
  @JsonPropertyDescription(
      "ExclusiveClusterSetLabel (default): clusters labelled cluster.open-cluster-management.io/clusterset=<set>; LabelSelector: clusters matching labelSelector.")
  @Default("ExclusiveClusterSetLabel")
  private SelectorType selectorType = SelectorType.ExclusiveClusterSetLabel;

  @JsonPropertyDescription(
      "The selector when selectorType is LabelSelector; empty selects every cluster.")
  private LabelSelector labelSelector;

  public SelectorType getSelectorType() {
    return selectorType;
  }

  public void setSelectorType(SelectorType selectorType) {
    this.selectorType = selectorType;
  }

  public LabelSelector getLabelSelector() {
    return labelSelector;
  }

  public void setLabelSelector(LabelSelector labelSelector) {
    this.labelSelector = labelSelector;
  }
}
