package io.ocmj.api.work.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.ocmj.api.UnknownFields;

/** How the agent updates an applied resource. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class UpdateStrategy extends UnknownFields {
  @JsonPropertyDescription("Update (default), CreateOnly, ServerSideApply or ReadOnly.")
  @Default("Update")
  private UpdateStrategyType type;

  @JsonPropertyDescription("Options for ServerSideApply.")
  private ServerSideApplyConfig serverSideApply;

  public UpdateStrategyType getType() {
    return type;
  }

  public void setType(UpdateStrategyType type) {
    this.type = type;
  }

  public ServerSideApplyConfig getServerSideApply() {
    return serverSideApply;
  }

  public void setServerSideApply(ServerSideApplyConfig serverSideApply) {
    this.serverSideApply = serverSideApply;
  }
}
