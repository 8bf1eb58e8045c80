package io.ocmj.testing;

import io.ocmj.testing.CertificateAuthority.IssuedCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;

/**
 * The certificates and keys of one local cluster, written to its work directory: a CA (also the CSR
 * signing CA), the API server's serving pair, admin and controller-manager client identities, and
 * the service-account signing key.
 */
final class ClusterFiles {
  static final String ADMIN_USER = "ocmj-admin";

  final Path dir;
  final CertificateAuthority ca;

  /** A second CA, trusted by the admin and kcm kubeconfigs, for tests that roll the serving CA. */
  final CertificateAuthority nextServingCa;

  final IssuedCertificate admin;
  final Path caCert;
  final Path caKey;
  final Path servingCert;
  final Path servingKey;
  final Path serviceAccountKey;
  final Path serviceAccountPublicKey;
  private final IssuedCertificate controllerManager;

  ClusterFiles(Path dir, String clusterName) {
    this.dir = dir;
    this.ca = CertificateAuthority.create("ocmj-" + clusterName + "-ca");
    this.nextServingCa = CertificateAuthority.create("ocmj-" + clusterName + "-next-serving-ca");
    IssuedCertificate serving = servingCertificate(ca);
    this.admin = ca.issueClient(ADMIN_USER, List.of("system:masters"));
    this.controllerManager =
        ca.issueClient("system:kube-controller-manager", List.of("system:masters"));
    KeyPair serviceAccount = CertificateAuthority.newKeyPair();
    try {
      Files.createDirectories(dir);
      caCert = write("ca.crt", ca.certificatePem());
      caKey = write("ca.key", ca.privateKeyPem());
      servingCert = write("apiserver.crt", serving.certificatePem());
      servingKey = write("apiserver.key", serving.privateKeyPem());
      serviceAccountKey = write("sa.key", CertificateAuthority.pem(serviceAccount.getPrivate()));
      serviceAccountPublicKey =
          write("sa.pub", CertificateAuthority.pem(serviceAccount.getPublic()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write certificates to " + dir, e);
    }
  }

  private static IssuedCertificate servingCertificate(CertificateAuthority issuer) {
    return issuer.issueServer(
        "kube-apiserver",
        List.of(
            "localhost",
            "kubernetes",
            "kubernetes.default",
            "kubernetes.default.svc",
            "kubernetes.default.svc.cluster.local"),
        List.of("127.0.0.1", "10.0.0.1"));
  }

  /** PEM of the CAs the cluster's own clients trust for its serving certificate: both. */
  String trustBundle() {
    return ca.certificatePem() + nextServingCa.certificatePem();
  }

  /** Replaces the serving certificate files with a pair from the next serving CA. */
  void serveWithNextCa() {
    IssuedCertificate serving = servingCertificate(nextServingCa);
    try {
      Files.writeString(servingCert, serving.certificatePem());
      Files.writeString(servingKey, serving.privateKeyPem());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the serving certificate to " + dir, e);
    }
  }

  /** Writes the admin kubeconfig ({@code kubeconfig}) and kcm's, for the given server URL. */
  Path writeKubeconfigs(String clusterName, String serverUrl) {
    try {
      write(
          "controller-manager.kubeconfig",
          Kubeconfig.render(
              clusterName,
              serverUrl,
              trustBundle(),
              controllerManager.certificatePem(),
              controllerManager.privateKeyPem()));
      return write("kubeconfig", adminKubeconfig(clusterName, serverUrl));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write kubeconfigs to " + dir, e);
    }
  }

  String adminKubeconfig(String clusterName, String serverUrl) {
    return Kubeconfig.render(
        clusterName, serverUrl, trustBundle(), admin.certificatePem(), admin.privateKeyPem());
  }

  Path controllerManagerKubeconfig() {
    return dir.resolve("controller-manager.kubeconfig");
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }
}
