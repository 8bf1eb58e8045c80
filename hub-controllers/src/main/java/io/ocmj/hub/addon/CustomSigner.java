package io.ocmj.hub.addon;

import io.ocmj.api.addon.v1alpha1.ManagedClusterAddOn;
import java.util.List;

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
  public CustomSigner {
    if (signerName == null
        || !signerName.matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?/[a-z0-9]([-a-z0-9.]*[a-z0-9])?")
        || signerName.length() > 200
        || signerName.startsWith("kubernetes.io/")) {
      throw new IllegalArgumentException(
          "signerName "
              + signerName
              + ": must be <domain>/<name> (lowercase letters, digits, '-' and '.') and not a"
              + " kubernetes.io signer");
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
}
