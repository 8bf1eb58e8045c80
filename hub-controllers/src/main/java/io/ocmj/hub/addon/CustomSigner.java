package io.ocmj.hub.addon;

import com.fasterxml.jackson.core.type.TypeReference;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import java.util.List;
import java.util.Map;

/**
 * An add-on's registration with a signer of its own (OCM's {@code CustomSigner}): the hub approves
 * the cluster agent's CSR for exactly this subject and signs it with the CA in Secret {@code
 * caNamespace/caName} (tls.crt, tls.key); the agent stores the certificate as {@code
 * <addon>-<signer>-client-cert} in the add-on's install namespace.
 *
 * @param signerName {@code <domain>/<path>}, not a {@code kubernetes.io} one
 * @param user the subject's user; null for OCM's default add-on agent user on the cluster
 * @param groups the subject's groups; null for OCM's default groups
 * @param caNamespace the signing CA Secret's namespace on the hub
 * @param caName the signing CA Secret's name
 */
public record CustomSigner(
    String signerName, String user, List<String> groups, String caNamespace, String caName) {
  /**
   * On a ManagedClusterAddOn, written by the hub: the custom signers (resolved subjects) its agent
   * may have certificates from. Its status, which the cluster's agent may write, is not trusted for
   * that.
   */
  public static final String ANNOTATION = "addon.ocmj.io/custom-signers";

  public CustomSigner {
    if (signerName == null
        || !signerName.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?/[-a-zA-Z0-9._/]+")
        || signerName.startsWith("kubernetes.io/")) {
      throw new IllegalArgumentException(
          "signerName " + signerName + ": must be <domain>/<path> and not a kubernetes.io signer");
    }
    if (caName == null || caName.isBlank() || caNamespace == null || caNamespace.isBlank()) {
      throw new IllegalArgumentException(
          "signer " + signerName + ": signingCA needs a name and a namespace");
    }
    groups = groups == null ? null : List.copyOf(groups);
  }

  /** The subject on this cluster: OCM's default add-on identity where none is given. */
  public CustomSigner on(String cluster, String addon) {
    return new CustomSigner(
        signerName,
        user != null
            ? user
            : ManagedClusterAddOn.agentUser(cluster, addon, ManagedClusterAddOn.DEFAULT_AGENT_NAME),
        groups != null ? groups : ManagedClusterAddOn.agentGroups(cluster, addon),
        caNamespace,
        caName);
  }

  /** The signers recorded on a ManagedClusterAddOn; none when it has no (valid) record. */
  public static List<CustomSigner> recorded(ManagedClusterAddOn mca) {
    Map<String, String> annotations = mca.getMetadata().getAnnotations();
    String json = annotations == null ? null : annotations.get(ANNOTATION);
    if (json == null) {
      return List.of();
    }
    try {
      return Serialization.jsonMapper().readValue(json, new TypeReference<List<CustomSigner>>() {});
    } catch (Exception e) {
      return List.of();
    }
  }

  static String record(List<CustomSigner> signers) {
    return Serialization.asJson(signers);
  }
}
