package io.ocmj.api.work.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** Options for one resource of a ManifestWork. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ManifestConfigOption extends UnknownFields {
  @JsonPropertyDescription("The manifest these options apply to.")
  @Required
  private ResourceIdentifier resourceIdentifier;

  @JsonPropertyDescription("Which status fields to report back to the hub.")
  private List<FeedbackRule> feedbackRules = new ArrayList<>();

  @JsonPropertyDescription("How the agent updates the resource.")
  private UpdateStrategy updateStrategy;

  @JsonPropertyDescription("Rules that derive conditions of this manifest.")
  private List<ConditionRule> conditionRules = new ArrayList<>();

  @JsonPropertyDescription("Poll (default) or Watch for status feedback.")
  @Default("Poll")
  private FeedbackScrapeType feedbackScrapeType;

  public ResourceIdentifier getResourceIdentifier() {
    return resourceIdentifier;
  }

  public void setResourceIdentifier(ResourceIdentifier resourceIdentifier) {
    this.resourceIdentifier = resourceIdentifier;
  }

  public List<FeedbackRule> getFeedbackRules() {
    return feedbackRules;
  }

  public void setFeedbackRules(List<FeedbackRule> feedbackRules) {
    this.feedbackRules = feedbackRules;
  }

  public UpdateStrategy getUpdateStrategy() {
    return updateStrategy;
  }

  public void setUpdateStrategy(UpdateStrategy updateStrategy) {
    this.updateStrategy = updateStrategy;
  }

  public List<ConditionRule> getConditionRules() {
    return conditionRules;
  }

  public void setConditionRules(List<ConditionRule> conditionRules) {
    this.conditionRules = conditionRules;
  }

  public FeedbackScrapeType getFeedbackScrapeType() {
    return feedbackScrapeType;
  }

  public void setFeedbackScrapeType(FeedbackScrapeType feedbackScrapeType) {
    this.feedbackScrapeType = feedbackScrapeType;
  }
}
