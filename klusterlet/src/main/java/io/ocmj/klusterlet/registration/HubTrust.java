package io.ocmj.klusterlet.registration;

import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;

/** Tells a hub whose serving certificate is not trusted apart from other connection failures. */
final class HubTrust {
  private HubTrust() {}

  /** The TLS trust failure in {@code e}'s cause chain, or null when there is none. */
  static Throwable trustFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SSLHandshakeException || t instanceof CertificateException) {
        Throwable root = t;
        while (root.getCause() != null) {
          root = root.getCause();
        }
        return root;
      }
    }
    return null;
  }
}
