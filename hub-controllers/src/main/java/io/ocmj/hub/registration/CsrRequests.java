package io.ocmj.hub.registration;

import io.fabric8.kubernetes.api.model.certificates.v1.CertificateSigningRequest;
import io.ocmj.hub.registration.CsrDecision.Request;
import java.io.IOException;
import java.io.StringReader;
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
import org.bouncycastle.openssl.PEMParser;
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

  private static PKCS10CertificationRequest parse(String name, String request)
      throws InvalidCsrException {
    if (request == null || request.isBlank()) {
      throw new InvalidCsrException("CSR " + name + ": spec.request is empty");
    }
    String pem = new String(Base64.getDecoder().decode(request), StandardCharsets.UTF_8);
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object parsed = parser.readObject();
      if (parsed instanceof PKCS10CertificationRequest pkcs10) {
        return pkcs10;
      }
      throw new InvalidCsrException(
          "CSR " + name + ": spec.request is not a PEM CERTIFICATE REQUEST");
    } catch (IOException | IllegalArgumentException e) {
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
