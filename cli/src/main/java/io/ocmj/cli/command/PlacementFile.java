package io.ocmj.cli.command;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.UnknownFields;
import io.ocmj.api.cluster.v1beta1.Placement;
import io.ocmj.cli.UserError;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Placement read from a file and checked as the API server would before scheduling reads it:
 * apiVersion and kind of the file itself, metadata.name, field types, and fields that do not exist
 * (a typo such as {@code numberOfCluster} would otherwise be silently ignored). Every error names
 * the file and the field.
 */
final class PlacementFile {
  private PlacementFile() {}

  static Placement read(Path file, String namespace) {
    Map<?, ?> fields;
    try {
      fields = Serialization.unmarshal(Files.readString(file), Map.class);
    } catch (IOException | RuntimeException e) {
      throw new UserError(file + ": not YAML: " + firstLine(e));
    }
    String expected = Placement.GROUP + "/" + Placement.VERSION;
    Object apiVersion = fields == null ? null : fields.get("apiVersion");
    Object kind = fields == null ? null : fields.get("kind");
    if (!"Placement".equals(kind) || !expected.equals(apiVersion)) {
      throw new UserError(
          file
              + ": apiVersion/kind must be "
              + expected
              + " Placement, was "
              + apiVersion
              + " "
              + kind);
    }
    Placement placement;
    try {
      placement = Serialization.jsonMapper().convertValue(fields, Placement.class);
    } catch (IllegalArgumentException e) {
      throw new UserError(file + ": " + jacksonPath(e) + firstLine(e));
    }
    if (placement.getMetadata() == null
        || placement.getMetadata().getName() == null
        || placement.getMetadata().getName().isBlank()) {
      throw new UserError(file + ": metadata.name is missing");
    }
    if (namespace != null) {
      placement.getMetadata().setNamespace(namespace);
    } else if (placement.getMetadata().getNamespace() == null) {
      placement.getMetadata().setNamespace("default");
    }
    if (placement.getSpec() == null) {
      placement.setSpec(new io.ocmj.api.cluster.v1beta1.PlacementSpec());
    }
    unknownField(placement.getSpec(), "spec")
        .ifPresent(
            path -> {
              throw new UserError(file + ": " + path + ": unknown field");
            });
    return placement;
  }

  /** The path of the first field the API types do not have, walking the parsed objects. */
  static Optional<String> unknownField(Object value, String path) {
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        Optional<String> found = unknownField(list.get(i), path + "[" + i + "]");
        if (found.isPresent()) {
          return found;
        }
      }
      return Optional.empty();
    }
    if (!(value instanceof UnknownFields typed)) {
      return Optional.empty();
    }
    if (!typed.unknownFields().isEmpty()) {
      return Optional.of(path + "." + typed.unknownFields().keySet().iterator().next());
    }
    for (Class<?> type = value.getClass();
        type != UnknownFields.class;
        type = type.getSuperclass()) {
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers())) {
          continue;
        }
        try {
          field.setAccessible(true);
          Optional<String> found = unknownField(field.get(value), path + "." + field.getName());
          if (found.isPresent()) {
            return found;
          }
        } catch (IllegalAccessException | RuntimeException e) {
          throw new IllegalStateException("cannot read " + path + "." + field.getName(), e);
        }
      }
    }
    return Optional.empty();
  }

  /** Jackson's "through reference chain" as a field path, e.g. {@code spec.numberOfClusters: }. */
  private static String jacksonPath(IllegalArgumentException e) {
    String message = e.getMessage();
    int chain = message.indexOf("(through reference chain: ");
    if (chain < 0) {
      return "";
    }
    StringBuilder path = new StringBuilder();
    var matcher =
        java.util.regex.Pattern.compile("\\[\"([^\"]+)\"\\]|\\[(\\d+)\\]")
            .matcher(message.substring(chain));
    while (matcher.find()) {
      if (matcher.group(1) != null) {
        path.append(path.length() == 0 ? "" : ".").append(matcher.group(1));
      } else {
        path.append('[').append(matcher.group(2)).append(']');
      }
    }
    return path.length() == 0 ? "" : path + ": ";
  }

  private static String firstLine(Exception e) {
    return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
  }
}
