package io.ocmj.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Base64 of PEM text, as kubeconfig {@code *-data} fields hold it. */
final class Pem {
  private Pem() {}

  static String base64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
  }
}
