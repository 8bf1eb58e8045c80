package io.ocmj.api.policy.v1;

import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.ocmj.api.RawObject;
import java.util.Map;

/**
 * A raw object inside a policy (a policy template or an object template), kept whole: any kind, any
 * fields, exactly as written, so that OCM policy YAML works unchanged.
 */
@PreserveUnknownFields
public class ObjectDefinition extends RawObject {
  public ObjectDefinition() {}

  /** An object with the given top-level fields (apiVersion, kind, metadata, ...). */
  public static ObjectDefinition of(Map<String, Object> fields) {
    ObjectDefinition definition = new ObjectDefinition();
    definition.fields().putAll(fields);
    return definition;
  }
}
