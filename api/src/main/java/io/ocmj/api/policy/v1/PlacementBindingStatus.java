package io.ocmj.api.policy.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ocmj.api.UnknownFields;

/** PlacementBinding has an empty status. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class PlacementBindingStatus extends UnknownFields {}
