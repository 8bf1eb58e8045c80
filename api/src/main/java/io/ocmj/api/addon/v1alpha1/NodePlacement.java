package io.ocmj.api.addon.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Toleration;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the agent's pods are scheduled. An empty placement (as opposed to none) matches every node
 * and tolerates nothing.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class NodePlacement extends UnknownFields {
  @JsonPropertyDescription("Labels a node must have; empty matches every node.")
  private Map<String, String> nodeSelector = new LinkedHashMap<>();

  @JsonPropertyDescription("Taints the agent's pods tolerate; empty tolerates nothing.")
  private List<Toleration> tolerations = new ArrayList<>();

  public Map<String, String> getNodeSelector() {
    return nodeSelector;
  }

  public void setNodeSelector(Map<String, String> nodeSelector) {
    this.nodeSelector = nodeSelector;
  }

  public List<Toleration> getTolerations() {
    return tolerations;
  }

  public void setTolerations(List<Toleration> tolerations) {
    this.tolerations = tolerations;
  }
}
