package io.ocmj.api.policy.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Selects namespaces by name globs and labels. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class NamespaceSelector extends UnknownFields {
  @JsonPropertyDescription("Namespace name globs to include.")
  private List<String> include = new ArrayList<>();

  @JsonPropertyDescription("Namespace name globs to exclude.")
  private List<String> exclude = new ArrayList<>();

  private Map<String, String> matchLabels;

  private List<LabelSelectorRequirement> matchExpressions = new ArrayList<>();

  @Pattern("^(Default|IfMatch|Never)$")
  private String terminatingInclusion;

  public List<String> getInclude() {
    return include;
  }

  public void setInclude(List<String> include) {
    this.include = include;
  }

  public List<String> getExclude() {
    return exclude;
  }

  public void setExclude(List<String> exclude) {
    this.exclude = exclude;
  }

  public Map<String, String> getMatchLabels() {
    return matchLabels;
  }

  public void setMatchLabels(Map<String, String> matchLabels) {
    this.matchLabels = matchLabels;
  }

  public List<LabelSelectorRequirement> getMatchExpressions() {
    return matchExpressions;
  }

  public void setMatchExpressions(List<LabelSelectorRequirement> matchExpressions) {
    this.matchExpressions = matchExpressions;
  }

  public String getTerminatingInclusion() {
    return terminatingInclusion;
  }

  public void setTerminatingInclusion(String terminatingInclusion) {
    this.terminatingInclusion = terminatingInclusion;
  }
}
