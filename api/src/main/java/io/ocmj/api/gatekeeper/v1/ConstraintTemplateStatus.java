package io.ocmj.api.gatekeeper.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;

/** What the template's compilation produced. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ConstraintTemplateStatus extends UnknownFields {

  private Boolean created;

  @JsonPropertyDescription("Content hash of the compiled Wasm module (ocmj).")
  private String wasmHash;

  @JsonPropertyDescription("The opa compiler's message when the Rego does not compile (ocmj).")
  private String compileError;

  public Boolean getCreated() {
    return created;
  }

  public void setCreated(Boolean created) {
    this.created = created;
  }

  public String getWasmHash() {
    return wasmHash;
  }

  public void setWasmHash(String wasmHash) {
    this.wasmHash = wasmHash;
  }

  public String getCompileError() {
    return compileError;
  }

  public void setCompileError(String compileError) {
    this.compileError = compileError;
  }
}
