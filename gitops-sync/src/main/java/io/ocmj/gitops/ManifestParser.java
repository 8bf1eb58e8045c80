package io.ocmj.gitops;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads Kubernetes objects from YAML files taken from Git, defensively: UTF-8 text only, a size
 * limit per file, YAML 1.2 core schema (no tags that construct objects), at most {@value
 * #MAX_ALIASES} aliases to collections (no billion-laughs expansion), no duplicate keys, string
 * keys only. Every error names the file and, where it has one, the document and field.
 */
public final class ManifestParser {
  /** Largest file read; the API server's own limit for one object is about 1.5 MiB. */
  public static final long MAX_FILE_BYTES = 2L * 1024 * 1024;

  static final int MAX_ALIASES = 50;

  /** Deeper than any Kubernetes object needs. */
  static final int MAX_DEPTH = 64;

  private ManifestParser() {}

  /** The parsed documents and the errors; a file with an error contributes no objects. */
  public record Parsed(List<SourceObject> objects, List<SyncError> errors) {}

  public static Parsed parse(List<SourceFile> files) {
    List<SourceObject> objects = new ArrayList<>();
    List<SyncError> errors = new ArrayList<>();
    for (SourceFile file : files) {
      List<SourceObject> fromFile = new ArrayList<>();
      List<SyncError> fileErrors = new ArrayList<>();
      parse(file, fromFile, fileErrors);
      if (fileErrors.isEmpty()) {
        objects.addAll(fromFile);
      }
      errors.addAll(fileErrors);
    }
    return new Parsed(objects, errors);
  }

  private static void parse(SourceFile file, List<SourceObject> objects, List<SyncError> errors) {
    if (file.content() == null || file.size() > MAX_FILE_BYTES) {
      errors.add(
          new SyncError(
              file.path(),
              null,
              null,
              "file is " + file.size() + " bytes, over the limit of " + MAX_FILE_BYTES));
      return;
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(file.content()))
              .toString();
    } catch (CharacterCodingException e) {
      errors.add(new SyncError(file.path(), null, null, "not UTF-8 text"));
      return;
    }
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(file.path())
            .setSchema(new CoreSchema())
            .setAllowDuplicateKeys(false)
            .setAllowRecursiveKeys(false)
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setCodePointLimit((int) MAX_FILE_BYTES)
            .build();
    int index = 0;
    try {
      for (Object document : new Load(settings).loadAllFromString(text)) {
        int at = index++;
        if (document == null) {
          continue;
        }
        if (!(document instanceof Map<?, ?> map)) {
          errors.add(
              new SyncError(file.path(), at, null, "a document must be a mapping (an object)"));
          continue;
        }
        try {
          objects.add(new SourceObject(file.path(), at, jsonMap(map, "")));
        } catch (IllegalArgumentException e) {
          errors.add(new SyncError(file.path(), at, null, e.getMessage()));
        }
      }
    } catch (YamlEngineException e) {
      errors.add(new SyncError(file.path(), index, null, "invalid YAML: " + oneLine(e)));
    } catch (StackOverflowError e) {
      // The parser builds nested collections recursively and has no depth limit of its own.
      errors.add(new SyncError(file.path(), index, null, "invalid YAML: nesting too deep to read"));
    }
  }

  /** The document as JSON-shaped values; a non-string key is an error naming its path. */
  private static Map<String, Object> jsonMap(Map<?, ?> map, String path) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(e.getKey() instanceof String key)) {
        throw new IllegalArgumentException(
            (path.isEmpty() ? "" : path + ": ")
                + "key "
                + e.getKey()
                + " is not a string (quote it)");
      }
      out.put(key, json(e.getValue(), path.isEmpty() ? key : path + "." + key));
    }
    return out;
  }

  private static Object json(Object value, String path) {
    if (path.chars().filter(c -> c == '.' || c == '[').count() > MAX_DEPTH) {
      throw new IllegalArgumentException(path + ": nested deeper than " + MAX_DEPTH + " levels");
    }
    if (value instanceof Map<?, ?> map) {
      return jsonMap(map, path);
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (int i = 0; i < list.size(); i++) {
        out.add(json(list.get(i), path + "[" + i + "]"));
      }
      return out;
    }
    if (value == null
        || value instanceof String
        || value instanceof Number
        || value instanceof Boolean) {
      return value;
    }
    throw new IllegalArgumentException(
        path + ": " + value.getClass().getSimpleName() + " values are not allowed");
  }

  private static String oneLine(Exception e) {
    return String.join(" ", String.valueOf(e.getMessage()).strip().split("\\s*\\n\\s*"));
  }
}
