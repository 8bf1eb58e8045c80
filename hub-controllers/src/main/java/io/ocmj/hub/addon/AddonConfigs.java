package io.ocmj.hub.addon;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.addon.v1alpha1.AddOnConfig;
import io.ocmj.api.addon.v1alpha1.ClusterManagementAddOn;
import io.ocmj.api.addon.v1alpha1.ConfigMeta;
import io.ocmj.api.addon.v1alpha1.ConfigReference;
import io.ocmj.api.addon.v1alpha1.ConfigSpecHash;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An add-on's configuration on one cluster, by OCM's precedence: the ClusterManagementAddOn's
 * default configs, overridden by the configs of the install placement that selected the cluster,
 * overridden by the ManagedClusterAddOn's own {@code configs} (per group and resource). Each is
 * read from the hub and recorded with the hash of its spec, as OCM records it.
 */
final class AddonConfigs {
  private static final ObjectMapper CANONICAL =
      Serialization.jsonMapper()
          .copy()
          .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private AddonConfigs() {}

  /** A config read: its reference for the status, and the object (null when not found). */
  record Read(ConfigReference reference, GenericKubernetesResource object) {}

  /** The configs read, and what is wrong with them (empty when all were found). */
  record Resolved(List<Read> configs, Optional<String> problem) {
    /** The first config object of this group and resource, if any was read. */
    Optional<GenericKubernetesResource> object(String group, String resource) {
      return configs.stream()
          .filter(r -> r.object() != null)
          .filter(r -> group.equals(r.reference().getGroup()))
          .filter(r -> resource.equals(r.reference().getResource()))
          .map(Read::object)
          .findFirst();
    }
  }

  /** {@code <resource>.<group>}, or the resource alone for the core group: OCM's key. */
  static String key(String group, String resource) {
    return group == null || group.isEmpty() ? resource : resource + "." + group;
  }

  /** The configs that apply, by {@link #key}. */
  static Map<String, AddOnConfig> desired(
      ClusterManagementAddOn cma, List<AddOnConfig> placementConfigs, ManagedClusterAddOn mca) {
    Map<String, AddOnConfig> desired = new TreeMap<>();
    for (ConfigMeta supported : cma.getSpec().getSupportedConfigs()) {
      if (supported.getDefaultConfig() != null && supported.getDefaultConfig().getName() != null) {
        AddOnConfig c = new AddOnConfig();
        c.setGroup(supported.getGroup());
        c.setResource(supported.getResource());
        c.setNamespace(supported.getDefaultConfig().getNamespace());
        c.setName(supported.getDefaultConfig().getName());
        desired.put(key(c.getGroup(), c.getResource()), c);
      }
    }
    placementConfigs.forEach(c -> desired.put(key(c.getGroup(), c.getResource()), c));
    if (mca.getSpec() != null) {
      mca.getSpec().getConfigs().forEach(c -> desired.put(key(c.getGroup(), c.getResource()), c));
    }
    return desired;
  }

  /** Reads every desired config; a missing, unknown or unsupported one is the problem. */
  static Resolved read(
      KubernetesClient client, ClusterManagementAddOn cma, Map<String, AddOnConfig> desired) {
    List<Read> read = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (AddOnConfig c : desired.values()) {
      String group = c.getGroup() == null ? "" : c.getGroup();
      ConfigReference ref = new ConfigReference();
      ref.setGroup(group);
      ref.setResource(c.getResource());
      ref.setNamespace(c.getNamespace());
      ref.setName(c.getName());
      ConfigSpecHash wanted = new ConfigSpecHash();
      wanted.setNamespace(c.getNamespace());
      wanted.setName(c.getName());
      ref.setDesiredConfig(wanted);
      String what = key(group, c.getResource()) + " " + where(c);
      boolean supported =
          cma.getSpec().getSupportedConfigs().stream()
              .anyMatch(
                  s ->
                      group.equals(s.getGroup() == null ? "" : s.getGroup())
                          && c.getResource().equals(s.getResource()));
      GenericKubernetesResource object = null;
      if (!supported) {
        problems.add(
            what + " is not among the supported configs of add-on " + cma.getMetadata().getName());
      } else {
        try {
          Optional<ResourceDefinitionContext> kind = kind(client, group, c.getResource());
          if (kind.isEmpty()) {
            problems.add(what + ": the hub serves no resource " + key(group, c.getResource()));
          } else {
            var resources = client.genericKubernetesResources(kind.get());
            object =
                kind.get().isNamespaceScoped()
                    ? resources.inNamespace(c.getNamespace()).withName(c.getName()).get()
                    : resources.withName(c.getName()).get();
            if (object == null) {
              problems.add(what + " not found");
            } else {
              wanted.setSpecHash(specHash(object.getAdditionalProperties().get("spec")));
              ref.setLastObservedGeneration(object.getMetadata().getGeneration());
            }
          }
        } catch (KubernetesClientException e) {
          problems.add(what + ": " + e.getMessage());
        }
      }
      read.add(new Read(ref, object));
    }
    return new Resolved(
        read, problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems)));
  }

  private static String where(AddOnConfig c) {
    return c.getNamespace() == null || c.getNamespace().isEmpty()
        ? c.getName()
        : c.getNamespace() + "/" + c.getName();
  }

  /** The kind serving {@code resource} in {@code group} (preferred version), if the hub has it. */
  static Optional<ResourceDefinitionContext> kind(
      KubernetesClient client, String group, String resource) {
    String groupVersion;
    if (group.isEmpty()) {
      groupVersion = "v1";
    } else {
      APIGroup g = client.getApiGroup(group);
      if (g == null || g.getPreferredVersion() == null) {
        return Optional.empty();
      }
      groupVersion = g.getPreferredVersion().getGroupVersion();
    }
    APIResourceList list = client.getApiResources(groupVersion);
    if (list == null) {
      return Optional.empty();
    }
    for (APIResource r : list.getResources()) {
      if (r.getName().equals(resource)) {
        return Optional.of(
            new ResourceDefinitionContext.Builder()
                .withGroup(group)
                .withVersion(groupVersion.substring(groupVersion.indexOf('/') + 1))
                .withPlural(resource)
                .withKind(r.getKind())
                .withNamespaced(Boolean.TRUE.equals(r.getNamespaced()))
                .build());
      }
    }
    return Optional.empty();
  }

  /** SHA-256 (hex) of the spec as JSON with sorted keys; "" when there is no spec. */
  static String specHash(Object spec) {
    if (spec == null) {
      return "";
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(CANONICAL.writeValueAsString(spec).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException | JsonProcessingException e) {
      throw new IllegalStateException("cannot hash a config spec", e);
    }
  }

  /** The spec hashes by config key, for the works' config-spec-hash annotation. */
  static Map<String, String> hashes(Resolved resolved) {
    Map<String, String> hashes = new LinkedHashMap<>();
    for (Read r : resolved.configs()) {
      hashes.put(
          key(r.reference().getGroup(), r.reference().getResource()),
          r.reference().getDesiredConfig().getSpecHash());
    }
    return hashes;
  }
}
