package io.ocmj.api.work.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** A rule that sets a condition on a manifest's status. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ConditionRule extends UnknownFields {
  @JsonPropertyDescription("The condition type to set.")
  @Required
  private String condition;

  @JsonPropertyDescription("WellKnownConditions or CEL.")
  @Required
  private ConditionRuleType type;

  @JsonPropertyDescription("CEL expressions; all true means condition True.")
  private List<String> celExpressions = new ArrayList<>();

  @JsonPropertyDescription("Message of the condition.")
  private String message;

  @JsonPropertyDescription("CEL expression that yields the message.")
  private String messageExpression;

  public String getCondition() {
    return condition;
  }

  public void setCondition(String condition) {
    this.condition = condition;
  }

  public ConditionRuleType getType() {
    return type;
  }

  public void setType(ConditionRuleType type) {
    this.type = type;
  }

  public List<String> getCelExpressions() {
    return celExpressions;
  }

  public void setCelExpressions(List<String> celExpressions) {
    this.celExpressions = celExpressions;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getMessageExpression() {
    return messageExpression;
  }

  public void setMessageExpression(String messageExpression) {
    this.messageExpression = messageExpression;
  }
}
