package io.ocmj.api.wgpolicy.v1alpha2;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.client.CustomResource;
import java.util.ArrayList;
import java.util.List;

/** The fields PolicyReport and ClusterPolicyReport share; like upstream's they are top level. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public abstract class Report extends CustomResource<Void, Void> {
  public static final String GROUP = "wgpolicyk8s.io";
  public static final String VERSION = "v1alpha2";
  public static final String API_VERSION = GROUP + "/" + VERSION;

  @JsonPropertyDescription("The object the whole report is about, if any.")
  @JsonProperty("scope")
  private ObjectReference reportScope;

  @JsonPropertyDescription("The objects the whole report is about, by selector.")
  private LabelSelector scopeSelector;

  @JsonPropertyDescription("How many results of each kind the report holds.")
  private PolicyReportSummary summary;

  @JsonPropertyDescription("The results.")
  private List<PolicyReportResult> results = new ArrayList<>();

  /** The report's {@code scope} (named so because CustomResource has a getScope of its own). */
  @JsonProperty("scope")
  public ObjectReference getReportScope() {
    return reportScope;
  }

  @JsonProperty("scope")
  public void setReportScope(ObjectReference reportScope) {
    this.reportScope = reportScope;
  }

  public LabelSelector getScopeSelector() {
    return scopeSelector;
  }

  public void setScopeSelector(LabelSelector scopeSelector) {
    this.scopeSelector = scopeSelector;
  }

  public PolicyReportSummary getSummary() {
    return summary;
  }

  public void setSummary(PolicyReportSummary summary) {
    this.summary = summary;
  }

  public List<PolicyReportResult> getResults() {
    return results;
  }

  /** Sets the results and the summary that counts them. */
  public void setResults(List<PolicyReportResult> results) {
    this.results = results;
    this.summary = PolicyReportSummary.of(results);
  }
}
