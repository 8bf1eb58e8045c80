package io.ocmj.cli.command;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.UnknownFields;
import io.ocmj.api.cluster.v1beta1.Placement;
import io.ocmj.cli.UserError;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Placement read from a file (its one Placement document; others, such as a
 * ManagedClusterSetBinding beside it, are skipped) and checked before scheduling reads it:
 * apiVersion and kind of the document itself, metadata.name, field types, empty values and fields
 * that do not exist (a typo such as {@code numberOfCluster} would otherwise be silently ignored);
 * value ranges are checked by the scheduler's own validation. Every error names the file and field.
 */
final class PlacementFile {
  private PlacementFile() {}

  static Placement read(Path file, String namespace) {
    List<Map<?, ?>> documents = new ArrayList<>();
    try (MappingIterator<Object> it =
        new YAMLMapper().readerFor(Object.class).readValues(Files.readString(file))) {
      while (it.hasNext()) {
        Object document = it.next();
        if (document instanceof Map<?, ?> map) {
          documents.add(map);
        } else if (document != null) {
          throw new UserError(file + "[" + documents.size() + "]: not a mapping");
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof UserError u) {
        throw u;
      }
      throw new UserError(file + ": not YAML: " + firstLine(e));
    }
    String expected = Placement.GROUP + "/" + Placement.VERSION;
    List<Map<?, ?>> placements =
        documents.stream()
            .filter(d -> "Placement".equals(d.get("kind")) && expected.equals(d.get("apiVersion")))
            .toList();
    if (placements.size() != 1) {
      throw new UserError(
          file
              + ": needs exactly one document of apiVersion/kind "
              + expected
              + " Placement, has "
              + placements.size()
              + " (documents: "
              + documents.stream().map(d -> d.get("apiVersion") + " " + d.get("kind")).toList()
              + ")");
    }
    Map<?, ?> fields = placements.get(0);
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
              throw new UserError(
                  file + ": " + path + (path.contains(": ") ? "" : ": unknown field"));
            });
    return placement;
  }

  /** The path of the first field the API types do not have, walking the parsed objects. */
  static Optional<String> unknownField(Object value, String path) {
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i) == null) {
          return Optional.of(path + "[" + i + "]: empty item");
        }
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
          Object fieldValue = field.get(value);
          if (fieldValue == null && List.class.isAssignableFrom(field.getType())) {
            return Optional.of(
                path + "." + field.getName() + ": empty (give a list or leave it out)");
          }
          Optional<String> found = unknownField(fieldValue, path + "." + field.getName());
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
