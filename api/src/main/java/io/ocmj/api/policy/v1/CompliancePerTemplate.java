package io.ocmj.api.policy.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The result of one object template. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class CompliancePerTemplate extends UnknownFields {
  @JsonProperty("Compliant")
  private String compliant;

  @JsonProperty("Validity")
  @JsonInclude(JsonInclude.Include.ALWAYS)
  private Map<String, Object> validity = new LinkedHashMap<>();

  private List<ComplianceCondition> conditions = new ArrayList<>();

  public String getCompliant() {
    return compliant;
  }

  public void setCompliant(String compliant) {
    this.compliant = compliant;
  }

  public Map<String, Object> getValidity() {
    return validity;
  }

  public void setValidity(Map<String, Object> validity) {
    this.validity = validity;
  }

  public List<ComplianceCondition> getConditions() {
    return conditions;
  }

  public void setConditions(List<ComplianceCondition> conditions) {
    this.conditions = conditions;
  }
}
