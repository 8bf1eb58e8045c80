package io.ocmj.api.gitops.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** What this GitSync applied. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class Inventory extends UnknownFields {
  @JsonPropertyDescription("The objects.")
  private List<InventoryEntry> entries = new ArrayList<>();

  public List<InventoryEntry> getEntries() {
    return entries;
  }

  public void setEntries(List<InventoryEntry> entries) {
    this.entries = entries;
  }
}
