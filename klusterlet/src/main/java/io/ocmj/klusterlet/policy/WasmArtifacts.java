package io.ocmj.klusterlet.policy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.policy.rego.RegoException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.zip.GZIPInputStream;

/**
 * Reads a compiled ConstraintTemplate the hub put in the cluster namespace ({@code
 * ocmj-rego-<hash>}).
 */
final class WasmArtifacts {
  static final String CONFIGMAP_PREFIX = "ocmj-rego-";
  static final String DATA_KEY = "policy.wasm.gz";

  /** A module unpacks to at most this much (the ConfigMap holds at most ~1 MiB gzipped). */
  static final int MAX_WASM_BYTES = 32 * 1024 * 1024;

  private WasmArtifacts() {}

  static byte[] read(KubernetesClient hub, String clusterNamespace, String hash)
      throws RegoException {
    ConfigMap cm =
        hub.configMaps().inNamespace(clusterNamespace).withName(CONFIGMAP_PREFIX + hash).get();
    if (cm == null || cm.getBinaryData() == null || cm.getBinaryData().get(DATA_KEY) == null) {
      throw new RegoException(
          "the compiled module "
              + CONFIGMAP_PREFIX
              + hash
              + " is not in namespace "
              + clusterNamespace
              + " on the hub yet");
    }
    byte[] gz = Base64.getDecoder().decode(cm.getBinaryData().get(DATA_KEY));
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      byte[] wasm = in.readNBytes(MAX_WASM_BYTES + 1);
      if (wasm.length > MAX_WASM_BYTES) {
        throw new RegoException(
            "the compiled module " + hash + " unpacks to more than " + MAX_WASM_BYTES + " bytes");
      }
      return wasm;
    } catch (IOException e) {
      throw new RegoException(
          "the compiled module " + hash + " is not gzip data: " + e.getMessage());
    }
  }
}
