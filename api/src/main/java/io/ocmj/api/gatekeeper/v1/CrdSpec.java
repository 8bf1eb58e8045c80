package io.ocmj.api.gatekeeper.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;

/** The crd field of a ConstraintTemplate. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class CrdSpec extends UnknownFields {
  @Required private CrdDetails spec;

  public CrdDetails getSpec() {
    return spec;
  }

  public void setSpec(CrdDetails spec) {
    this.spec = spec;
  }
}
