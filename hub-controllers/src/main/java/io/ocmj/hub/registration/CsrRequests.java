package io.ocmj.hub.registration;

import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.ocmj.hub.registration.CsrDecision.Request;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

/** Reads what a CSR object asks for into a {@link Request}: its PKCS#10 subject and its spec. */
final class CsrRequests {
  private CsrRequests() {}

  /** Thrown when {@code spec.request} is not a PEM certificate request. */
  static final class InvalidCsrException extends Exception {
    InvalidCsrException(String message) {
      super(message);
    }
  }

  static Request read(CertificateSigningRequest csr) throws InvalidCsrException {
    String name = csr.getMetadata().getName();
    PKCS10CertificationRequest pkcs10 = parse(name, csr.getSpec().getRequest());
    X500Name subject = pkcs10.getSubject();
    strict(name, subject);
    Map<String, String> labels = csr.getMetadata().getLabels();
    return new Request(
        name,
        csr.getSpec().getSignerName(),
        labels == null ? null : labels.get(CsrDecision.LABEL_CLUSTER_NAME),
        csr.getSpec().getUsages() == null ? List.of() : csr.getSpec().getUsages(),
        values(subject, BCStyle.CN).stream().findFirst().orElse(null),
        values(subject, BCStyle.O),
        csr.getSpec().getUsername());
  }

  /**
   * Only single-valued CN and O entries, and one CN: the signer copies the subject as Go reads it
   * (every O; the last CN), so anything this parser would read differently is refused outright.
   */
  static void strict(String name, X500Name subject) throws InvalidCsrException {
    int commonNames = 0;
    for (RDN rdn : subject.getRDNs()) {
      if (rdn.isMultiValued()) {
        throw new InvalidCsrException("CSR " + name + ": subject has a multi-valued entry");
      }
      var type = rdn.getFirst().getType();
      if (type.equals(BCStyle.CN)) {
        commonNames++;
      } else if (!type.equals(BCStyle.O)) {
        throw new InvalidCsrException(
            "CSR " + name + ": subject may only have CN and O entries, not " + type);
      }
    }
    if (commonNames != 1) {
      throw new InvalidCsrException(
          "CSR " + name + ": subject needs exactly one CN, not " + commonNames);
    }
  }

  /** Exactly one PEM block, no headers, nothing around it but whitespace. */
  private static final java.util.regex.Pattern ONE_BLOCK =
      java.util.regex.Pattern.compile(
          "\\A\\s*-----BEGIN CERTIFICATE REQUEST-----\\r?\\n([A-Za-z0-9+/=\\r\\n]+)"
              + "-----END CERTIFICATE REQUEST-----\\s*\\z");

  /**
   * The request, read so that it is the one Kubernetes reads: a single PEM block and nothing else
   * (a PEM parser that skips or ends blocks differently from Go's would judge another request than
   * the one the signer signs), DER that re-encodes to itself, and a valid self-signature.
   */
  static PKCS10CertificationRequest parse(String name, String request) throws InvalidCsrException {
    if (request == null || request.isBlank()) {
      throw new InvalidCsrException("CSR " + name + ": spec.request is empty");
    }
    String pem;
    try {
      pem = new String(Base64.getDecoder().decode(request), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidCsrException("CSR " + name + ": spec.request is not base64");
    }
    java.util.regex.Matcher m = ONE_BLOCK.matcher(pem);
    if (!m.matches()) {
      throw new InvalidCsrException(
          "CSR " + name + ": spec.request must be exactly one PEM CERTIFICATE REQUEST block");
    }
    try {
      byte[] der = Base64.getMimeDecoder().decode(m.group(1));
      PKCS10CertificationRequest pkcs10 = new PKCS10CertificationRequest(der);
      if (!Arrays.equals(pkcs10.getEncoded(), der)) {
        throw new InvalidCsrException("CSR " + name + ": spec.request is not canonical DER");
      }
      if (!pkcs10.isSignatureValid(
          new org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder()
              .build(pkcs10.getSubjectPublicKeyInfo()))) {
        throw new InvalidCsrException("CSR " + name + ": spec.request has a bad signature");
      }
      return pkcs10;
    } catch (IOException
        | IllegalArgumentException
        | org.bouncycastle.operator.OperatorCreationException
        | org.bouncycastle.pkcs.PKCSException e) {
      throw new InvalidCsrException(
          "CSR " + name + ": spec.request cannot be parsed: " + e.getMessage());
    }
  }

  private static List<String> values(
      X500Name subject, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
    List<String> out = new ArrayList<>();
    Arrays.stream(subject.getRDNs(type))
        .map(RDN::getFirst)
        .forEach(v -> out.add(IETFUtils.valueToString(v.getValue())));
    return out;
  }
}
