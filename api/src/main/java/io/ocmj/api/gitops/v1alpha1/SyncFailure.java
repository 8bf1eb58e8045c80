package io.ocmj.api.gitops.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;

/** Why one object of the commit could not be applied. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class SyncFailure extends UnknownFields {
  @JsonPropertyDescription("File in the repository.")
  private String file;

  @JsonPropertyDescription("Index of the YAML document in the file, from 0.")
  private Integer document;

  @JsonPropertyDescription("Kind/namespace/name of the object, when it has one.")
  private String object;

  @JsonPropertyDescription("What is wrong, naming the field.")
  private String message;

  public String getFile() {
    return file;
  }

  public void setFile(String file) {
    this.file = file;
  }

  public Integer getDocument() {
    return document;
  }

  public void setDocument(Integer document) {
    this.document = document;
  }

  public String getObject() {
    return object;
  }

  public void setObject(String object) {
    this.object = object;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
