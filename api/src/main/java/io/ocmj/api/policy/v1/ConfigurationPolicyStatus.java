package io.ocmj.api.policy.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** The result of the last evaluation. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ConfigurationPolicyStatus extends UnknownFields {

  private String compliant;

  private List<CompliancePerTemplate> compliancyDetails = new ArrayList<>();

  private List<RelatedObject> relatedObjects = new ArrayList<>();

  private String lastEvaluated;

  private Long lastEvaluatedGeneration;

  @JsonPropertyDescription("Newest first, at most 10.")
  private List<HistoryEvent> history = new ArrayList<>();

  public String getCompliant() {
    return compliant;
  }

  public void setCompliant(String compliant) {
    this.compliant = compliant;
  }

  public List<CompliancePerTemplate> getCompliancyDetails() {
    return compliancyDetails;
  }

  public void setCompliancyDetails(List<CompliancePerTemplate> compliancyDetails) {
    this.compliancyDetails = compliancyDetails;
  }

  public List<RelatedObject> getRelatedObjects() {
    return relatedObjects;
  }

  public void setRelatedObjects(List<RelatedObject> relatedObjects) {
    this.relatedObjects = relatedObjects;
  }

  public String getLastEvaluated() {
    return lastEvaluated;
  }

  public void setLastEvaluated(String lastEvaluated) {
    this.lastEvaluated = lastEvaluated;
  }

  public Long getLastEvaluatedGeneration() {
    return lastEvaluatedGeneration;
  }

  public void setLastEvaluatedGeneration(Long lastEvaluatedGeneration) {
    this.lastEvaluatedGeneration = lastEvaluatedGeneration;
  }

  public List<HistoryEvent> getHistory() {
    return history;
  }

  public void setHistory(List<HistoryEvent> history) {
    this.history = history;
  }
}
