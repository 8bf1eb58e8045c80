package io.ocmj.api.cluster.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** What a Placement selects; all parts are ANDed, an empty spec selects every bound cluster. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PlacementSpec extends UnknownFields {
  @JsonPropertyDescription("Cluster sets to select from; empty means every set bound here.")
  private List<String> clusterSets = new ArrayList<>();

  @JsonPropertyDescription("How many clusters to select; unset selects every feasible one.")
  @Min(0)
  private Integer numberOfClusters;

  @JsonPropertyDescription("Cluster predicates, ORed.")
  private List<ClusterPredicate> predicates = new ArrayList<>();

  @JsonPropertyDescription("How clusters are scored when numberOfClusters picks among them.")
  private PrioritizerPolicy prioritizerPolicy;

  @JsonPropertyDescription("How selected clusters are spread over topologies.")
  private SpreadPolicy spreadPolicy;

  @JsonPropertyDescription("Taints of clusters this placement tolerates.")
  private List<Toleration> tolerations = new ArrayList<>();

  @JsonPropertyDescription("How decisions are grouped.")
  private DecisionStrategy decisionStrategy;

  public List<String> getClusterSets() {
    return clusterSets;
  }

  public void setClusterSets(List<String> clusterSets) {
    this.clusterSets = clusterSets;
  }

  public Integer getNumberOfClusters() {
    return numberOfClusters;
  }

  public void setNumberOfClusters(Integer numberOfClusters) {
    this.numberOfClusters = numberOfClusters;
  }

  public List<ClusterPredicate> getPredicates() {
    return predicates;
  }

  public void setPredicates(List<ClusterPredicate> predicates) {
    this.predicates = predicates;
  }

  public PrioritizerPolicy getPrioritizerPolicy() {
    return prioritizerPolicy;
  }

  public void setPrioritizerPolicy(PrioritizerPolicy prioritizerPolicy) {
    this.prioritizerPolicy = prioritizerPolicy;
  }

  public SpreadPolicy getSpreadPolicy() {
    return spreadPolicy;
  }

  public void setSpreadPolicy(SpreadPolicy spreadPolicy) {
    this.spreadPolicy = spreadPolicy;
  }

  public List<Toleration> getTolerations() {
    return tolerations;
  }

  public void setTolerations(List<Toleration> tolerations) {
    this.tolerations = tolerations;
  }

  public DecisionStrategy getDecisionStrategy() {
    return decisionStrategy;
  }

  public void setDecisionStrategy(DecisionStrategy decisionStrategy) {
    this.decisionStrategy = decisionStrategy;
  }
}
