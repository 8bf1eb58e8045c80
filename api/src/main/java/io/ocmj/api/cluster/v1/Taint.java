package io.ocmj.api.cluster.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.ocmj.api.UnknownFields;

/** A taint on a ManagedCluster; placements without a matching toleration skip the cluster. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class Taint extends UnknownFields {
  /** Taint applied by the hub while the cluster's Available condition is Unknown or missing. */
  public static final String UNREACHABLE = "cluster.open-cluster-management.io/unreachable";

  /** Taint applied by the hub while the cluster's Available condition is False. */
  public static final String UNAVAILABLE = "cluster.open-cluster-management.io/unavailable";

  @JsonPropertyDescription("The taint key, a qualified name such as example.com/gpu.")
  @Required
  @Size(max = 316)
  @Pattern(
      "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?"
          + "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$")
  private String key;

  @JsonPropertyDescription("The taint value.")
  @Size(max = 1024)
  private String value;

  @JsonPropertyDescription(
      "What the taint does to placements: NoSelect, PreferNoSelect or NoSelectIfNew.")
  @Required
  private TaintEffect effect;

  @JsonPropertyDescription("When the taint was added; stamped by the hub, not by users.")
  private String timeAdded;

  public String getKey() {
    return key;
  }

  public void setKey(String key) {
    this.key = key;
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

  public String getTimeAdded() {
    return timeAdded;
  }

  public void setTimeAdded(String timeAdded) {
    this.timeAdded = timeAdded;
  }
}
