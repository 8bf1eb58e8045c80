package io.ocmj.gitops;

/**
 * Why (part of) a commit cannot be applied: the file, the YAML document index (null for the whole
 * file), the object ({@code Kind/namespace/name}, null when unknown) and a message naming the
 * field.
 */
public record SyncError(String file, Integer document, String object, String message) {
  /** {@code file[index] Kind/ns/name: message}, as status conditions and the CLI show it. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder();
    if (file != null) {
      s.append(file);
      if (document != null) {
        s.append('[').append(document).append(']');
      }
    }
    if (object != null) {
      s.append(s.length() == 0 ? "" : " ").append(object);
    }
    return s.append(s.length() == 0 ? "" : ": ").append(message).toString();
  }
}
