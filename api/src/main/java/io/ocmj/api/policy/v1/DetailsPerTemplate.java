package io.ocmj.api.policy.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** The compliance of one template of a replicated policy. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class DetailsPerTemplate extends UnknownFields {

  private TemplateMeta templateMeta;

  private String compliant;

  @JsonPropertyDescription("Newest first, at most 10.")
  private List<ComplianceHistory> history = new ArrayList<>();

  public TemplateMeta getTemplateMeta() {
    return templateMeta;
  }

  public void setTemplateMeta(TemplateMeta templateMeta) {
    this.templateMeta = templateMeta;
  }

  public String getCompliant() {
    return compliant;
  }

  public void setCompliant(String compliant) {
    this.compliant = compliant;
  }

  public List<ComplianceHistory> getHistory() {
    return history;
  }

  public void setHistory(List<ComplianceHistory> history) {
    this.history = history;
  }
}
