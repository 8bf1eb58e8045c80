package io.ocmj.gitops;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/** Git credentials of a GitSync, from its Secret; never logged or written anywhere. */
public final class GitCredentials {
  private GitCredentials() {}

  /** Basic or token credentials from the Secret named by secretRef (keys username, password). */
  public static CredentialsProvider from(KubernetesClient client, GitSync sync) throws GitFailure {
    if (sync.getSpec().getSecretRef() == null) {
      return null;
    }
    String name = sync.getSpec().getSecretRef().getName();
    Secret secret =
        client.secrets().inNamespace(sync.getMetadata().getNamespace()).withName(name).get();
    if (secret == null) {
      throw new GitFailure(GitSync.REASON_AUTH_FAILED, "secretRef: Secret " + name + " not found");
    }
    String password = data(secret, "password");
    if (password == null) {
      throw new GitFailure(
          GitSync.REASON_AUTH_FAILED,
          "secretRef: Secret " + name + " has no key 'password' (username/password or token)");
    }
    String username = data(secret, "username");
    return new UsernamePasswordCredentialsProvider(username == null ? "git" : username, password);
  }

  static String data(Secret secret, String key) {
    if (secret.getData() != null && secret.getData().get(key) != null) {
      return new String(
          Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
    return secret.getStringData() == null ? null : secret.getStringData().get(key);
  }
}
