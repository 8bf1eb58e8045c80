package io.ocmj.policy.dryrun;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocmj.api.policy.v1.ConfigurationPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A folder in OCM's dry-run test-data layout: {@code policy.yaml} (a ConfigurationPolicy, or a
 * Policy wrapping one), {@code input*.yaml} (the cluster's objects), optional {@code
 * desired_status.yaml}, and {@code output.txt} (the expected report).
 */
public record DryRunCase(
    Path dir,
    ConfigurationPolicy policy,
    List<Map<String, Object>> inputs,
    Map<?, ?> desiredStatus,
    String expectedOutput) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Thrown when a case folder or one of its files is not usable; the message names the file. */
  public static final class InvalidCase extends Exception {
    InvalidCase(String message) {
      super(message);
    }
  }

  /** Whether a folder looks like a case (it has a policy.yaml). */
  public static boolean isCase(Path dir) {
    return Files.isRegularFile(dir.resolve("policy.yaml"));
  }

  public static DryRunCase load(Path dir) throws InvalidCase {
    ConfigurationPolicy policy = policy(dir.resolve("policy.yaml"));
    List<Map<String, Object>> inputs = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(DryRunCase::isInput).sorted().toList()) {
        for (Object doc : documents(file)) {
          inputs.add(asObject(file, doc));
        }
      }
    } catch (IOException e) {
      throw new InvalidCase(dir + ": cannot list the folder: " + e.getMessage());
    }
    Path desired = dir.resolve("desired_status.yaml");
    Map<?, ?> desiredStatus = null;
    if (Files.isRegularFile(desired)) {
      List<Object> docs = documents(desired);
      desiredStatus = docs.isEmpty() ? Map.of() : asObject(desired, docs.get(0));
    }
    Path output = dir.resolve("output.txt");
    String expected = null;
    if (Files.isRegularFile(output)) {
      try {
        expected = Files.readString(output);
      } catch (IOException e) {
        throw new InvalidCase(output + ": " + e.getMessage());
      }
    }
    return new DryRunCase(dir, policy, inputs, desiredStatus, expected);
  }

  private static boolean isInput(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith("input") && (name.endsWith(".yaml") || name.endsWith(".yml"));
  }

  private static ConfigurationPolicy policy(Path file) throws InvalidCase {
    List<Object> docs = documents(file);
    if (docs.isEmpty()) {
      throw new InvalidCase(file + ": no policy in the file");
    }
    Map<String, Object> object = asObject(file, docs.get(0));
    if ("Policy".equals(object.get("kind"))) {
      object = wrapped(file, object);
    }
    if (!"ConfigurationPolicy".equals(object.get("kind"))) {
      throw new InvalidCase(
          file
              + ": kind: must be ConfigurationPolicy or a Policy wrapping one, not "
              + object.get("kind"));
    }
    try {
      return JSON.convertValue(object, ConfigurationPolicy.class);
    } catch (IllegalArgumentException e) {
      throw new InvalidCase(file + ": not a ConfigurationPolicy: " + e.getMessage());
    }
  }

  private static Map<String, Object> wrapped(Path file, Map<String, Object> policy)
      throws InvalidCase {
    if (policy.get("spec") instanceof Map<?, ?> spec
        && spec.get("policy-templates") instanceof List<?> templates) {
      for (Object template : templates) {
        if (template instanceof Map<?, ?> t
            && t.get("objectDefinition") instanceof Map<?, ?> definition
            && "ConfigurationPolicy".equals(definition.get("kind"))) {
          return asObject(file, definition);
        }
      }
    }
    throw new InvalidCase(file + ": spec.policy-templates: no ConfigurationPolicy in the Policy");
  }

  private static List<Object> documents(Path file) throws InvalidCase {
    try {
      Load load =
          new Load(
              LoadSettings.builder()
                  .setAllowDuplicateKeys(false)
                  .setMaxAliasesForCollections(50)
                  .build());
      List<Object> docs = new ArrayList<>();
      for (Object doc : load.loadAllFromString(Files.readString(file))) {
        if (doc != null) {
          docs.add(doc);
        }
      }
      return docs;
    } catch (IOException | RuntimeException e) {
      throw new InvalidCase(file + ": not valid YAML: " + e.getMessage());
    }
  }

  private static Map<String, Object> asObject(Path file, Object doc) throws InvalidCase {
    if (!(doc instanceof Map<?, ?> map)) {
      throw new InvalidCase(file + ": every document must be an object");
    }
    Map<String, Object> object = new LinkedHashMap<>();
    map.forEach((k, v) -> object.put(String.valueOf(k), v));
    return object;
  }
}
