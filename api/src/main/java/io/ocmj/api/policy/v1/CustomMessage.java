package io.ocmj.api.policy.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ocmj.api.UnknownFields;

/** Go templates replacing the default compliance messages. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class CustomMessage extends UnknownFields {

  private String compliant;

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
