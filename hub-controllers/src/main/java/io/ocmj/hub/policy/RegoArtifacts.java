package io.ocmj.hub.policy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.gatekeeper.v1.ConstraintTemplate;
import io.ocmj.api.policy.v1.Policy;
import io.ocmj.api.policy.v1.PolicyTemplate;
import io.ocmj.policy.rego.ConstraintTemplateSource;
import io.ocmj.policy.rego.RegoCompiler;
import io.ocmj.policy.rego.RegoException;
import io.ocmj.policy.rego.WasmArchive;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles the ConstraintTemplates of replicated policies on the hub (once per Rego content) and
 * puts the gzipped Wasm in a ConfigMap {@code ocmj-rego-<hash>} of each cluster namespace, where
 * the agent reads it: agents need neither OPA nor Gatekeeper. The template on the replica is
 * annotated with the hash, or with the compile error (OPA's message), which the agent reports as
 * that template's NonCompliant state.
 */
final class RegoArtifacts {

  /** Leaves room below the 1 MiB an object may take in etcd. */
  static final int MAX_GZIPPED_BYTES = 900 * 1024;

  private final RegoCompiler compiler;
  private final Map<String, Compiled> byHash = new ConcurrentHashMap<>();
  private final Set<String> written = ConcurrentHashMap.newKeySet();

  /**
   * @param compiler null when the hub has no opa binary
   */
  RegoArtifacts(RegoCompiler compiler) {
    this.compiler = compiler;
  }

  /** A compiled module (gzipped) or the reason there is none. */
  record Compiled(String hash, byte[] gzipped, String error) {}

  /** Annotates every ConstraintTemplate of the replica and writes its module to the cluster. */
  void prepare(KubernetesClient client, Policy replica, String clusterNamespace) {
    for (PolicyTemplate t : replica.getSpec().getPolicyTemplates()) {
      if (t.getObjectDefinition() == null
          || !ConstraintTemplate.KIND.equals(t.getObjectDefinition().kind())
          || t.getObjectDefinition().apiVersion() == null
          || !t.getObjectDefinition().apiVersion().startsWith(ConstraintTemplate.GROUP + "/")) {
        continue;
      }
      Map<String, Object> fields = t.getObjectDefinition().fields();
      Compiled compiled = compile(fields);
      if (compiled.error() == null) {
        ensure(client, clusterNamespace, compiled);
        ReplicatedPolicies.annotate(
            fields, ConstraintTemplate.ANNOTATION_REGO_WASM, compiled.hash());
      } else {
        ReplicatedPolicies.annotate(
            fields, ConstraintTemplate.ANNOTATION_REGO_ERROR, compiled.error());
      }
    }
  }

  Compiled compile(Map<String, Object> template) {
    ConstraintTemplateSource source;
    try {
      source = ConstraintTemplateSource.of(template);
    } catch (RegoException e) {
      return new Compiled(null, null, e.getMessage());
    }
    String hash = hash(source);
    return byHash.computeIfAbsent(hash, h -> build(h, source));
  }

  private Compiled build(String hash, ConstraintTemplateSource source) {
    if (compiler == null) {
      return new Compiled(
          hash, null, "the hub has no opa binary to compile Rego (start it with --opa <path>)");
    }
    try {
      byte[] gz =
          WasmArchive.pack(compiler.compile(source.modules(), source.entrypoint(), source.v0()));
      if (gz.length > MAX_GZIPPED_BYTES) {
        return new Compiled(
            hash,
            null,
            "the compiled module is "
                + gz.length
                + " bytes gzipped; at most "
                + MAX_GZIPPED_BYTES
                + " fit a ConfigMap");
      }
      return new Compiled(hash, gz, null);
    } catch (RegoException e) {
      return new Compiled(
          hash, null, "ConstraintTemplate " + source.name() + ": " + e.getMessage());
    }
  }

  private void ensure(KubernetesClient client, String namespace, Compiled compiled) {
    String name = WasmArchive.configMapName(compiled.hash());
    if (written.contains(namespace + "/" + name)) {
      return;
    }
    ConfigMap cm =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace(namespace)
            .addToLabels("policy.ocmj.io/rego", "wasm")
            .endMetadata()
            .addToBinaryData(
                WasmArchive.DATA_KEY, Base64.getEncoder().encodeToString(compiled.gzipped()))
            .build();
    client
        .resource(cm)
        .fieldManager(PolicyPropagatorReconciler.FIELD_MANAGER)
        .forceConflicts()
        .serverSideApply();
    written.add(namespace + "/" + name);
  }

  /** The content address: the modules, their syntax version and the entrypoint. */
  static String hash(ConstraintTemplateSource source) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update((source.entrypoint() + "|" + source.v0()).getBytes(StandardCharsets.UTF_8));
      source
          .modules()
          .forEach(m -> digest.update(("\0" + m.rego()).getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(digest.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
