package io.ocmj.api.wgpolicy.v1alpha2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One result: what one policy rule said about some resources. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PolicyReportResult {
  public static final String PASS = "pass";
  public static final String FAIL = "fail";
  public static final String WARN = "warn";
  public static final String ERROR = "error";
  public static final String SKIP = "skip";

  @JsonPropertyDescription("The policy that produced the result.")
  @Required
  private String policy;

  @JsonPropertyDescription("The policy engine that produced the result.")
  private String source;

  @JsonPropertyDescription("The rule of the policy.")
  private String rule;

  @JsonPropertyDescription("The policy's category.")
  private String category;

  @JsonPropertyDescription("critical, high, medium, low or info.")
  @Pattern("^(critical|high|medium|low|info)$")
  private String severity;

  @JsonPropertyDescription("When the result was produced.")
  private Timestamp timestamp;

  @JsonPropertyDescription("pass, fail, warn, error or skip.")
  @Pattern("^(pass|fail|warn|error|skip)$")
  private String result;

  @JsonPropertyDescription("Whether the result counts towards a score.")
  private Boolean scored;

  @JsonPropertyDescription("The resources the result is about.")
  private List<ObjectReference> resources = new ArrayList<>();

  @JsonPropertyDescription("The resources the result is about, by selector.")
  private LabelSelector resourceSelector;

  @JsonPropertyDescription("A short description of the result.")
  private String message;

  @JsonPropertyDescription("More about the result.")
  private Map<String, String> properties = new LinkedHashMap<>();

  public String getPolicy() {
    return policy;
  }

  public void setPolicy(String policy) {
    this.policy = policy;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  public String getRule() {
    return rule;
  }

  public void setRule(String rule) {
    this.rule = rule;
  }

  public String getCategory() {
    return category;
  }

  public void setCategory(String category) {
    this.category = category;
  }

  public String getSeverity() {
    return severity;
  }

  public void setSeverity(String severity) {
    this.severity = severity;
  }

  public Timestamp getTimestamp() {
    return timestamp;
  }

  public void setTimestamp(Timestamp timestamp) {
    this.timestamp = timestamp;
  }

  public String getResult() {
    return result;
  }

  public void setResult(String result) {
    this.result = result;
  }

  public Boolean getScored() {
    return scored;
  }

  public void setScored(Boolean scored) {
    this.scored = scored;
  }

  public List<ObjectReference> getResources() {
    return resources;
  }

  public void setResources(List<ObjectReference> resources) {
    this.resources = resources;
  }

  public LabelSelector getResourceSelector() {
    return resourceSelector;
  }

  public void setResourceSelector(LabelSelector resourceSelector) {
    this.resourceSelector = resourceSelector;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public Map<String, String> getProperties() {
    return properties;
  }

  public void setProperties(Map<String, String> properties) {
    this.properties = properties;
  }
}
