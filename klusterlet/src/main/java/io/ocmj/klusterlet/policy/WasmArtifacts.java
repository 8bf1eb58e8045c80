package io.ocmj.klusterlet.policy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.policy.rego.RegoException;
import io.ocmj.policy.rego.WasmArchive;
import java.util.Base64;

/**
 * Reads a compiled ConstraintTemplate the hub put in the cluster namespace ({@link WasmArchive}).
 */
final class WasmArtifacts {
  private WasmArtifacts() {}

  static byte[] read(KubernetesClient hub, String clusterNamespace, String hash)
      throws RegoException {
    String name = WasmArchive.configMapName(hash);
    ConfigMap cm = hub.configMaps().inNamespace(clusterNamespace).withName(name).get();
    if (cm == null
        || cm.getBinaryData() == null
        || cm.getBinaryData().get(WasmArchive.DATA_KEY) == null) {
      throw new RegoException(
          "the compiled module "
              + name
              + " is not in namespace "
              + clusterNamespace
              + " on the hub yet");
    }
    return WasmArchive.unpack(
        Base64.getDecoder().decode(cm.getBinaryData().get(WasmArchive.DATA_KEY)), hash);
  }
}
