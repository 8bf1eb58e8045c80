package io.ocmj.hub.addon;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.addon.v1alpha1.AddOnTemplate;
import io.ocmj.api.addon.v1alpha1.AddOnTemplateRegistration;
import io.ocmj.api.work.v1.Manifest;
import io.ocmj.api.work.v1.ManifestConfigOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An add-on declared by an AddOnTemplate: its {@code agentSpec} manifests with {@code {{NAME}}}
 * replaced in every string by the context's variables ({@code CLUSTER_NAME}, {@code
 * INSTALL_NAMESPACE} and the AddOnDeploymentConfig's customizedVariables). A variable the context
 * does not have is an error naming the manifest and the variable, not an empty string.
 */
final class TemplateAgent implements AddonAgent {
  private static final Pattern VARIABLE =
      Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");

  private final AddOnTemplate template;

  TemplateAgent(AddOnTemplate template) {
    this.template = template;
  }

  @Override
  public String name() {
    return template.getSpec().getAddonName();
  }

  @Override
  public List<Map<String, Object>> manifests(AddonContext context) {
    if (template.getSpec().getAgentSpec() == null) {
      throw new IllegalArgumentException(
          "AddOnTemplate " + template.getMetadata().getName() + ": spec.agentSpec is required");
    }
    List<Manifest> manifests = template.getSpec().getAgentSpec().getWorkload().getManifests();
    List<Map<String, Object>> rendered = new ArrayList<>();
    for (int i = 0; i < manifests.size(); i++) {
      String where =
          "AddOnTemplate "
              + template.getMetadata().getName()
              + " spec.agentSpec.workload.manifests["
              + i
              + "]";
      @SuppressWarnings("unchecked")
      Map<String, Object> m =
          (Map<String, Object>) render(manifests.get(i).fields(), context, where);
      rendered.add(m);
    }
    return rendered;
  }

  /**
   * The ClusterRoles of the template's {@code KubeClient} registration ({@code hubPermissions} of
   * type {@code CurrentCluster}); {@code SingleNamespace} permissions and {@code CustomSigner}
   * registrations are refused by name, as not supported yet.
   */
  @Override
  public List<String> hubClusterRoles() {
    List<String> roles = new ArrayList<>();
    String name = template.getMetadata().getName();
    List<AddOnTemplateRegistration> registrations = template.getSpec().getRegistration();
    for (int i = 0; i < registrations.size(); i++) {
      AddOnTemplateRegistration r = registrations.get(i);
      String where = "AddOnTemplate " + name + " spec.registration[" + i + "]";
      if ("CustomSigner".equals(r.getType())) {
        continue; // see customSigners()
      }
      if (!"KubeClient".equals(r.getType())) {
        throw new IllegalArgumentException(
            where + ": type " + r.getType() + " is not KubeClient or CustomSigner");
      }
      Object permissions = map(r.unknownFields().get("kubeClient")).get("hubPermissions");
      List<?> list = permissions instanceof List<?> l ? l : List.of();
      for (int j = 0; j < list.size(); j++) {
        Map<?, ?> permission = map(list.get(j));
        String at = where + ".kubeClient.hubPermissions[" + j + "]";
        if (!"CurrentCluster".equals(permission.get("type"))) {
          throw new IllegalArgumentException(
              at
                  + ": type "
                  + permission.get("type")
                  + " is not supported yet (only CurrentCluster)");
        }
        Object role = map(permission.get("currentCluster")).get("clusterRoleName");
        if (!(role instanceof String s) || s.isBlank()) {
          throw new IllegalArgumentException(at + ".currentCluster.clusterRoleName: required");
        }
        roles.add(s);
      }
    }
    return roles;
  }

  /**
   * The template's {@code CustomSigner} registrations: {@code customSigner.signerName}, {@code
   * subject} (user, groups; OCM's default add-on identity when absent) and {@code signingCA} (a
   * Secret with tls.crt and tls.key on the hub: name and namespace).
   */
  @Override
  public List<CustomSigner> customSigners() {
    List<CustomSigner> signers = new ArrayList<>();
    List<AddOnTemplateRegistration> registrations = template.getSpec().getRegistration();
    for (int i = 0; i < registrations.size(); i++) {
      AddOnTemplateRegistration r = registrations.get(i);
      if (!"CustomSigner".equals(r.getType())) {
        continue;
      }
      String where =
          "AddOnTemplate "
              + template.getMetadata().getName()
              + " spec.registration["
              + i
              + "].customSigner";
      Map<?, ?> signer = map(r.unknownFields().get("customSigner"));
      Map<?, ?> subject = map(signer.get("subject"));
      Map<?, ?> ca = map(signer.get("signingCA"));
      Object ous = subject.get("organizationUnit");
      if (ous instanceof List<?> l && !l.isEmpty()) {
        throw new IllegalArgumentException(
            where + ".subject.organizationUnit: not supported yet (user and groups only)");
      }
      List<String> groups = null;
      if (subject.get("groups") instanceof List<?> g) {
        groups = g.stream().map(String::valueOf).toList();
      }
      try {
        signers.add(
            new CustomSigner(
                (String) signer.get("signerName"),
                subject.get("user") instanceof String u && !u.isEmpty() ? u : null,
                groups,
                (String) ca.get("namespace"),
                (String) ca.get("name")));
      } catch (IllegalArgumentException | ClassCastException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    java.util.Set<String> names = new java.util.HashSet<>();
    for (CustomSigner s : signers) {
      // Their Secrets are named after them with '/' as '-': two must not share one.
      if (!names.add(s.signerName().replace('/', '-'))) {
        throw new IllegalArgumentException(
            "AddOnTemplate "
                + template.getMetadata().getName()
                + " spec.registration: signer "
                + s.signerName()
                + " is declared twice (or as another signer's Secret name)");
      }
    }
    return signers;
  }

  private static Map<?, ?> map(Object o) {
    return o instanceof Map<?, ?> m ? m : Map.of();
  }

  /** The template's manifestConfigs, with the variables replaced as in the manifests. */
  @Override
  public List<ManifestConfigOption> manifestConfigs(AddonContext context) {
    if (template.getSpec().getAgentSpec() == null) {
      return List.of();
    }
    List<ManifestConfigOption> configs = new ArrayList<>();
    List<ManifestConfigOption> declared = template.getSpec().getAgentSpec().getManifestConfigs();
    for (int i = 0; i < declared.size(); i++) {
      Object rendered =
          render(
              Serialization.jsonMapper().convertValue(declared.get(i), Map.class),
              context,
              "AddOnTemplate "
                  + template.getMetadata().getName()
                  + " spec.agentSpec.manifestConfigs["
                  + i
                  + "]");
      configs.add(Serialization.jsonMapper().convertValue(rendered, ManifestConfigOption.class));
    }
    return configs;
  }

  /** Replaces {@code {{NAME}}} in every string of a manifest (maps, lists) by its variable. */
  static Object render(Object value, AddonContext context, String where) {
    if (value instanceof String s) {
      Matcher m = VARIABLE.matcher(s);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String replacement = context.variables().get(m.group(1));
        if (replacement == null) {
          throw new IllegalArgumentException(
              where
                  + ": unknown variable {{"
                  + m.group(1)
                  + "}} (known: "
                  + String.join(", ", new TreeSet<>(context.variables().keySet()))
                  + ")");
        }
        m.appendReplacement(out, Matcher.quoteReplacement(replacement));
      }
      m.appendTail(out);
      return out.toString();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), render(v, context, where)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(render(v, context, where)));
      return copy;
    }
    return value;
  }
}
