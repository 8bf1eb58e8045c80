package io.ocmj.klusterlet.work;

import io.ocmj.api.work.v1.ManifestConfigOption;
import io.ocmj.api.work.v1.ResourceIdentifier;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Finds the {@code manifestConfigs} entry and the orphaning rules that match a resource. */
final class ManifestConfigs {
  private ManifestConfigs() {}

  static Optional<ManifestConfigOption> forKey(
      List<ManifestConfigOption> configs, ResourceKey key) {
    return configs.stream()
        .filter(c -> c.getResourceIdentifier() != null && matches(c.getResourceIdentifier(), key))
        .findFirst();
  }

  /** OCM's matching: group exact, resource exact, namespace and name with {@code *} wildcards. */
  static boolean matches(
      ResourceIdentifier id, String group, String resource, String namespace, String name) {
    return ResourceKey.nullToEmpty(id.getGroup()).equals(ResourceKey.nullToEmpty(group))
        && ResourceKey.nullToEmpty(id.getResource()).equals(resource)
        && wildcard(ResourceKey.nullToEmpty(id.getNamespace()), ResourceKey.nullToEmpty(namespace))
        && wildcard(ResourceKey.nullToEmpty(id.getName()), name);
  }

  static boolean matches(ResourceIdentifier id, ResourceKey key) {
    return matches(id, key.group(), key.resource(), key.namespace(), key.name());
  }

  static boolean wildcard(String pattern, String value) {
    String regex =
        Arrays.stream(pattern.split("\\*", -1))
            .map(Pattern::quote)
            .collect(Collectors.joining(".*"));
    return value.matches(regex);
  }
}
