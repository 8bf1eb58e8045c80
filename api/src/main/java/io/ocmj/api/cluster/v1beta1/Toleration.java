package io.ocmj.api.cluster.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;
import io.ocmj.api.cluster.v1.TaintEffect;

/** Tolerates matching cluster taints (for a while, with tolerationSeconds). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class Toleration extends UnknownFields {
  @JsonPropertyDescription("Taint key; empty with operator Exists matches every key.")
  private String key;

  @JsonPropertyDescription("Equal (default) or Exists.")
  private TolerationOperator operator;

  @JsonPropertyDescription("Taint value for operator Equal.")
  private String value;

  @JsonPropertyDescription("Taint effect; empty matches every effect.")
  private TaintEffect effect;

  @JsonPropertyDescription("How long, from the taint's timeAdded, the taint is tolerated.")
  private Long tolerationSeconds;

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
  }

  public TolerationOperator getOperator() {
    return operator;
  }

  public void setOperator(TolerationOperator operator) {
    this.operator = operator;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }

  public TaintEffect getEffect() {
    return effect;
  }

  public void setEffect(TaintEffect effect) {
    this.effect = effect;
  }

  public Long getTolerationSeconds() {
    return tolerationSeconds;
  }

  public void setTolerationSeconds(Long tolerationSeconds) {
    this.tolerationSeconds = tolerationSeconds;
  }
}
