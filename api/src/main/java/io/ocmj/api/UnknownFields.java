package io.ocmj.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Base of types mirrored from upstream OCM: fields this version does not model are kept, so that a
 * read-modify-write by ocmj never drops what a newer OCM client wrote. They are not part of the
 * generated schema.
 */
public abstract class UnknownFields {
  @JsonAnyGetter @JsonAnySetter
  private final Map<String, Object> unknownFields = new LinkedHashMap<>();

  @JsonIgnore
  public Map<String, Object> unknownFields() {
    return unknownFields;
  }
}
