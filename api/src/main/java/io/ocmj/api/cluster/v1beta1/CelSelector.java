package io.ocmj.api.cluster.v1beta1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** CEL expressions over the ManagedCluster (variable {@code managedCluster}), ANDed. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class CelSelector extends UnknownFields {
  @JsonPropertyDescription("Boolean CEL expressions over managedCluster.")
  private List<String> celExpressions = new ArrayList<>();

  public List<String> getCelExpressions() {
    return celExpressions;
  }

  public void setCelExpressions(List<String> celExpressions) {
    this.celExpressions = celExpressions;
  }
}
