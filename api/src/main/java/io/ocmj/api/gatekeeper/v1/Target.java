package io.ocmj.api.gatekeeper.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** One enforcement target of a ConstraintTemplate. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class Target extends UnknownFields {
  @JsonPropertyDescription("admission.k8s.gatekeeper.sh")
  @Required
  private String target;

  @JsonPropertyDescription("The Rego module (older form).")
  private String rego;

  @JsonPropertyDescription("More Rego modules the main one imports as data.lib.*.")
  private List<String> libs = new ArrayList<>();

  @JsonPropertyDescription("Engines and their source (newer form): Rego and K8sNativeValidation.")
  private List<Code> code = new ArrayList<>();

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public String getRego() {
    return rego;
  }

  public void setRego(String rego) {
    this.rego = rego;
  }

  public List<String> getLibs() {
    return libs;
  }

  public void setLibs(List<String> libs) {
    this.libs = libs;
  }

  public List<Code> getCode() {
    return code;
  }

  public void setCode(List<Code> code) {
    this.code = code;
  }
}
