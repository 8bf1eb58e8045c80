package io.ocmj.api.policy.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ocmj.api.UnknownFields;

/** One compliance message of a template. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ComplianceHistory extends UnknownFields {

  private String lastTimestamp;

  private String message;

  private String eventName;

  public String getLastTimestamp() {
    return lastTimestamp;
  }

  public void setLastTimestamp(String lastTimestamp) {
    this.lastTimestamp = lastTimestamp;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getEventName() {
    return eventName;
  }

  public void setEventName(String eventName) {
    this.eventName = eventName;
  }
}
