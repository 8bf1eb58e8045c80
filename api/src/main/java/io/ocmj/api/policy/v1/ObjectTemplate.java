package io.ocmj.api.policy.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.ocmj.api.UnknownFields;

/** One object a ConfigurationPolicy checks. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ObjectTemplate extends UnknownFields {
  @Required
  @Pattern(
      "^(MustHave|Musthave|musthave|MustOnlyHave|Mustonlyhave|mustonlyhave|MustNotHave|Mustnothave|mustnothave)$")
  private String complianceType;

  @JsonPropertyDescription("Applies to labels and annotations; default complianceType.")
  @Pattern("^(MustHave|Musthave|musthave|MustOnlyHave|Mustonlyhave|mustonlyhave)$")
  private String metadataComplianceType;

  @JsonPropertyDescription("The desired object (partial).")
  @Required
  private ObjectDefinition objectDefinition;

  @JsonPropertyDescription("Selects objects by label when objectDefinition has no name.")
  private LabelSelector objectSelector;

  @Pattern("^(None|IfRequired|Always)$")
  private String recreateOption;

  @Pattern("^(Log|InStatus|None)$")
  private String recordDiff;

  public String getComplianceType() {
    return complianceType;
  }

  public void setComplianceType(String complianceType) {
    this.complianceType = complianceType;
  }

  public String getMetadataComplianceType() {
    return metadataComplianceType;
  }

  public void setMetadataComplianceType(String metadataComplianceType) {
    this.metadataComplianceType = metadataComplianceType;
  }

  public ObjectDefinition getObjectDefinition() {
    return objectDefinition;
  }

  public void setObjectDefinition(ObjectDefinition objectDefinition) {
    this.objectDefinition = objectDefinition;
  }

  public LabelSelector getObjectSelector() {
    return objectSelector;
  }

  public void setObjectSelector(LabelSelector objectSelector) {
    this.objectSelector = objectSelector;
  }

  public String getRecreateOption() {
    return recreateOption;
  }

  public void setRecreateOption(String recreateOption) {
    this.recreateOption = recreateOption;
  }

  public String getRecordDiff() {
    return recordDiff;
  }

  public void setRecordDiff(String recordDiff) {
    this.recordDiff = recordDiff;
  }
}
