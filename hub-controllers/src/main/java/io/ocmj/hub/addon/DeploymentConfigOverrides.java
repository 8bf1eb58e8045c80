package io.ocmj.hub.addon;

import com.fasterxml.jackson.core.type.TypeReference;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.addon.v1alpha1.AddOnDeploymentConfigSpec;
import io.ocmj.api.addon.v1alpha1.ContainerResourceRequirements;
import io.ocmj.api.addon.v1alpha1.ImageMirror;
import io.ocmj.api.addon.v1alpha1.ProxyConfig;
import io.ocmj.api.cluster.v1.ManagedCluster;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an AddOnDeploymentConfig changes in an add-on's rendered workloads (Deployments, DaemonSets,
 * StatefulSets, ReplicaSets and Jobs), as OCM's add-on manager does for template add-ons; here for
 * every add-on:
 *
 * <ul>
 *   <li>{@code nodePlacement}: the pod template's nodeSelector and tolerations are replaced (empty
 *       = every node, tolerate nothing);
 *   <li>{@code registries}: an image starting with {@code source} gets {@code mirror} instead of
 *       that prefix; an entry without source moves every image's repository to the mirror (the
 *       image's last path part is kept); the last matching entry wins. Without registries in the
 *       config, the ManagedCluster's {@code open-cluster-management.io/image-registries} annotation
 *       applies;
 *   <li>{@code proxyConfig}: {@code HTTP_PROXY}, {@code HTTPS_PROXY} and {@code NO_PROXY} set on
 *       every container;
 *   <li>{@code resourceRequirements}: a container whose {@code <resource>:<name>:<container>} (the
 *       workload's plural lowercase kind, e.g. {@code deployments:agent:main}; {@code *} matches
 *       any part) matches gets those resources; the last match wins.
 * </ul>
 *
 * Other manifests are left as rendered. A pure function of the manifests and the config.
 */
final class DeploymentConfigOverrides {
  /** OCM's per-cluster image mirrors (the AddOnDeploymentConfig's registries win). */
  static final String ANNOTATION_IMAGE_REGISTRIES = "open-cluster-management.io/image-registries";

  private static final Map<String, String> WORKLOADS =
      Map.of(
          "Deployment", "deployments",
          "DaemonSet", "daemonsets",
          "StatefulSet", "statefulsets",
          "ReplicaSet", "replicasets",
          "Job", "jobs");
  private static final Set<String> WORKLOAD_GROUPS = Set.of("apps/v1", "batch/v1");

  private DeploymentConfigOverrides() {}

  /**
   * The manifests with the config applied (copies; the input is not changed).
   *
   * @throws IllegalArgumentException when the cluster's image-registries annotation is not what OCM
   *     writes there, naming the cluster and the annotation
   */
  static List<Map<String, Object>> apply(
      List<Map<String, Object>> manifests,
      AddOnDeploymentConfigSpec config,
      ManagedCluster cluster) {
    List<ImageMirror> registries =
        config != null && !config.getRegistries().isEmpty()
            ? config.getRegistries()
            : clusterRegistries(cluster);
    if ((config == null || nothingFor(config)) && registries.isEmpty()) {
      return manifests;
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> manifest : manifests) {
      String plural = WORKLOADS.get(String.valueOf(manifest.get("kind")));
      if (plural == null || !WORKLOAD_GROUPS.contains(String.valueOf(manifest.get("apiVersion")))) {
        out.add(manifest);
        continue;
      }
      Map<String, Object> copy = deepCopy(manifest);
      Map<String, Object> pod = podSpec(copy);
      if (pod != null) {
        String name = String.valueOf(map(copy.get("metadata")).get("name"));
        override(pod, plural, name, config, registries);
      }
      out.add(copy);
    }
    return out;
  }

  private static boolean nothingFor(AddOnDeploymentConfigSpec config) {
    return config.getNodePlacement() == null
        && config.getProxyConfig() == null
        && config.getResourceRequirements().isEmpty();
  }

  private static void override(
      Map<String, Object> pod,
      String plural,
      String name,
      AddOnDeploymentConfigSpec config,
      List<ImageMirror> registries) {
    if (config != null && config.getNodePlacement() != null) {
      // Each part replaces the workload's own when given, as OCM's manager does.
      if (!config.getNodePlacement().getNodeSelector().isEmpty()) {
        pod.put("nodeSelector", new LinkedHashMap<>(config.getNodePlacement().getNodeSelector()));
      }
      if (!config.getNodePlacement().getTolerations().isEmpty()) {
        pod.put(
            "tolerations",
            Serialization.jsonMapper()
                .convertValue(config.getNodePlacement().getTolerations(), List.class));
      }
    }
    for (String list : List.of("initContainers", "containers")) {
      if (!(pod.get(list) instanceof List<?> containers)) {
        continue;
      }
      for (Object c : containers) {
        Map<String, Object> container = map(c);
        if (container.get("image") instanceof String image) {
          container.put("image", mirror(image, registries));
        }
        if (config != null && config.getProxyConfig() != null) {
          proxy(container, config.getProxyConfig());
        }
        if (config != null) {
          resources(container, plural, name, config.getResourceRequirements());
        }
      }
    }
  }

  /** The image with the last matching mirror applied. */
  static String mirror(String image, List<ImageMirror> registries) {
    String result = image;
    for (ImageMirror m : registries) {
      if (m.getMirror() == null || m.getMirror().isEmpty()) {
        continue;
      }
      String source = m.getSource();
      if (source == null || source.isEmpty()) {
        int slash = image.lastIndexOf('/');
        result = trimSlash(m.getMirror()) + "/" + image.substring(slash + 1);
      } else if (image.startsWith(source)) {
        result = m.getMirror() + image.substring(source.length());
      }
    }
    return result;
  }

  private static String trimSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private static void proxy(Map<String, Object> container, ProxyConfig proxy) {
    Map<String, String> wanted = new LinkedHashMap<>();
    if (proxy.getHttpProxy() != null && !proxy.getHttpProxy().isEmpty()) {
      wanted.put("HTTP_PROXY", proxy.getHttpProxy());
    }
    if (proxy.getHttpsProxy() != null && !proxy.getHttpsProxy().isEmpty()) {
      wanted.put("HTTPS_PROXY", proxy.getHttpsProxy());
    }
    if (proxy.getNoProxy() != null && !proxy.getNoProxy().isEmpty()) {
      wanted.put("NO_PROXY", proxy.getNoProxy());
    }
    if (wanted.isEmpty()) {
      return;
    }
    List<Object> env = new ArrayList<>();
    if (container.get("env") instanceof List<?> existing) {
      for (Object e : existing) {
        if (!wanted.containsKey(String.valueOf(map(e).get("name")))) {
          env.add(e);
        }
      }
    }
    wanted.forEach((k, v) -> env.add(new LinkedHashMap<>(Map.of("name", k, "value", v))));
    container.put("env", env);
  }

  private static void resources(
      Map<String, Object> container,
      String plural,
      String name,
      List<ContainerResourceRequirements> requirements) {
    String containerName = String.valueOf(container.get("name"));
    ContainerResourceRequirements match = null;
    for (ContainerResourceRequirements r : requirements) {
      String[] parts = r.getContainerID() == null ? new String[0] : r.getContainerID().split(":");
      if (parts.length == 3
          && matches(parts[0], plural)
          && matches(parts[1], name)
          && matches(parts[2], containerName)) {
        match = r;
      }
    }
    if (match != null && match.getResources() != null) {
      container.put(
          "resources", Serialization.jsonMapper().convertValue(match.getResources(), Map.class));
    }
  }

  private static boolean matches(String pattern, String value) {
    return "*".equals(pattern) || pattern.toLowerCase(Locale.ROOT).equals(value);
  }

  private static List<ImageMirror> clusterRegistries(ManagedCluster cluster) {
    if (cluster == null
        || cluster.getMetadata().getAnnotations() == null
        || !cluster.getMetadata().getAnnotations().containsKey(ANNOTATION_IMAGE_REGISTRIES)) {
      return List.of();
    }
    String json = cluster.getMetadata().getAnnotations().get(ANNOTATION_IMAGE_REGISTRIES);
    try {
      Map<String, List<ImageMirror>> parsed =
          Serialization.jsonMapper().readValue(json, new TypeReference<>() {});
      List<ImageMirror> registries = parsed.get("registries");
      return registries == null ? List.of() : registries;
    } catch (Exception e) {
      throw new IllegalArgumentException(
          "ManagedCluster "
              + cluster.getMetadata().getName()
              + " annotation "
              + ANNOTATION_IMAGE_REGISTRIES
              + ": not {\"registries\":[{\"source\":...,\"mirror\":...}]}: "
              + e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> podSpec(Map<String, Object> workload) {
    Object spec = workload.get("spec");
    if (!(spec instanceof Map<?, ?>)) {
      return null;
    }
    Object template = ((Map<String, Object>) spec).get("template");
    if (!(template instanceof Map<?, ?>)) {
      return null;
    }
    Object pod = ((Map<String, Object>) template).get("spec");
    return pod instanceof Map<?, ?> ? (Map<String, Object>) pod : null;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
  }

  private static Map<String, Object> deepCopy(Map<String, Object> manifest) {
    return Serialization.jsonMapper().convertValue(manifest, new TypeReference<>() {});
  }
}
