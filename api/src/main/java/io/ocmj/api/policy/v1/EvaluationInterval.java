package io.ocmj.api.policy.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;

/** How often a ConfigurationPolicy is evaluated in each state. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class EvaluationInterval extends UnknownFields {
  @JsonPropertyDescription("watch (default), never, or a duration such as 10s or 1h30m.")
  private String compliant;

  @JsonPropertyDescription("watch (default), never, or a duration such as 10s or 1h30m.")
  private String noncompliant;

  public String getCompliant() {
    return compliant;
  }

  public void setCompliant(String compliant) {
    this.compliant = compliant;
  }

  public String getNoncompliant() {
    return noncompliant;
  }

  public void setNoncompliant(String noncompliant) {
    this.noncompliant = noncompliant;
  }
}
