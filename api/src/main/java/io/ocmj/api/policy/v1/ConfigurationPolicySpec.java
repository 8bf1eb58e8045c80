package io.ocmj.api.policy.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** Objects a managed cluster must (or must not) have. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ConfigurationPolicySpec extends UnknownFields {
  @JsonPropertyDescription("inform (default) reports; enforce creates, updates and deletes.")
  @Pattern("^(Inform|inform|Enforce|enforce|InformOnly|informOnly)$")
  private String remediationAction;

  @Pattern("^(low|Low|medium|Medium|high|High|critical|Critical)$")
  private String severity;

  @JsonPropertyDescription("Namespaces for object templates that name none.")
  private NamespaceSelector namespaceSelector;

  @JsonProperty("object-templates")
  private List<ObjectTemplate> objectTemplates = new ArrayList<>();

  @JsonPropertyDescription("A template that renders to the object-templates list.")
  @JsonProperty("object-templates-raw")
  private String objectTemplatesRaw;

  @Pattern("^(DeleteAll|DeleteIfCreated|None)$")
  private String pruneObjectBehavior;

  private EvaluationInterval evaluationInterval;

  private CustomMessage customMessage;

  public String getRemediationAction() {
    return remediationAction;
  }

  public void setRemediationAction(String remediationAction) {
    this.remediationAction = remediationAction;
  }

  public String getSeverity() {
    return severity;
  }

  public void setSeverity(String severity) {
    this.severity = severity;
  }

  public NamespaceSelector getNamespaceSelector() {
    return namespaceSelector;
  }

  public void setNamespaceSelector(NamespaceSelector namespaceSelector) {
    this.namespaceSelector = namespaceSelector;
  }

  public List<ObjectTemplate> getObjectTemplates() {
    return objectTemplates;
  }

  public void setObjectTemplates(List<ObjectTemplate> objectTemplates) {
    this.objectTemplates = objectTemplates;
  }

  public String getObjectTemplatesRaw() {
    return objectTemplatesRaw;
  }

  public void setObjectTemplatesRaw(String objectTemplatesRaw) {
    this.objectTemplatesRaw = objectTemplatesRaw;
  }

  public String getPruneObjectBehavior() {
    return pruneObjectBehavior;
  }

  public void setPruneObjectBehavior(String pruneObjectBehavior) {
    this.pruneObjectBehavior = pruneObjectBehavior;
  }

  public EvaluationInterval getEvaluationInterval() {
    return evaluationInterval;
  }

  public void setEvaluationInterval(EvaluationInterval evaluationInterval) {
    this.evaluationInterval = evaluationInterval;
  }

  public CustomMessage getCustomMessage() {
    return customMessage;
  }

  public void setCustomMessage(CustomMessage customMessage) {
    this.customMessage = customMessage;
  }
}
