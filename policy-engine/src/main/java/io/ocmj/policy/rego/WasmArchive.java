package io.ocmj.policy.rego;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How a compiled module travels from the hub to the agents: gzipped, in the ConfigMap {@code
 * ocmj-rego-<hash>} of the cluster namespace, under {@link #DATA_KEY}. The hub packs, the agent
 * unpacks, both through here.
 */
public final class WasmArchive {
  public static final String CONFIGMAP_PREFIX = "ocmj-rego-";
  public static final String DATA_KEY = "policy.wasm.gz";

  /** A module unpacks to at most this much (the ConfigMap holds at most ~1 MiB gzipped). */
  static final int MAX_WASM_BYTES = 32 * 1024 * 1024;

  private WasmArchive() {}

  /** The ConfigMap that holds the module with this content hash. */
  public static String configMapName(String hash) {
    return CONFIGMAP_PREFIX + hash;
  }

  public static byte[] pack(byte[] wasm) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(wasm);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The module; refuses data that is not gzip or unpacks to more than 32 MiB. */
  public static byte[] unpack(byte[] gzipped, String hash) throws RegoException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
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
