package io.ocmj.api.gatekeeper.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ocmj.api.UnknownFields;

/** The schema of a constraint's spec.parameters. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class Validation extends UnknownFields {

  private RawSchema openAPIV3Schema;

  private Boolean legacySchema;

  public RawSchema getOpenAPIV3Schema() {
    return openAPIV3Schema;
  }

  public void setOpenAPIV3Schema(RawSchema openAPIV3Schema) {
    this.openAPIV3Schema = openAPIV3Schema;
  }

  public Boolean getLegacySchema() {
    return legacySchema;
  }

  public void setLegacySchema(Boolean legacySchema) {
    this.legacySchema = legacySchema;
  }
}
