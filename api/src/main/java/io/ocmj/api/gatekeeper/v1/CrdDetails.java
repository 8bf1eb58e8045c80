package io.ocmj.api.gatekeeper.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;

/** The names and validation of the constraint CRD. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class CrdDetails extends UnknownFields {
  @Required private Names names;

  private Validation validation;

  public Names getNames() {
    return names;
  }

  public void setNames(Names names) {
    this.names = names;
  }

  public Validation getValidation() {
    return validation;
  }

  public void setValidation(Validation validation) {
    this.validation = validation;
  }
}
