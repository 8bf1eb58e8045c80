package io.ocmj.gitops;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.gitops.v1alpha1.GitSync;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/** Git credentials of a GitSync, from its Secret; never logged or written anywhere. */
public final class GitCredentials {
  private GitCredentials() {}

  /**
   * The GitSync's authentication from the Secret named by secretRef: for {@code ssh://} URLs the
   * keys {@code identity} and {@code known_hosts} (both required, as Flux's), otherwise {@code
   * username}/{@code password} (a token goes in password).
   */
  public static GitAuth from(KubernetesClient client, GitSync sync) throws GitFailure {
    boolean ssh = sync.getSpec().getUrl() != null && sync.getSpec().getUrl().startsWith("ssh://");
    if (sync.getSpec().getSecretRef() == null) {
      if (ssh) {
        throw new GitFailure(
            GitSync.REASON_AUTH_FAILED,
            "secretRef: an ssh:// URL needs a Secret with identity and known_hosts");
      }
      return GitAuth.none();
    }
    String name = sync.getSpec().getSecretRef().getName();
    Secret secret =
        client.secrets().inNamespace(sync.getMetadata().getNamespace()).withName(name).get();
    if (secret == null) {
      throw new GitFailure(GitSync.REASON_AUTH_FAILED, "secretRef: Secret " + name + " not found");
    }
    if (ssh) {
      String identity = data(secret, "identity");
      String knownHosts = data(secret, "known_hosts");
      if (identity == null || knownHosts == null) {
        throw new GitFailure(
            GitSync.REASON_AUTH_FAILED,
            "secretRef: Secret " + name + " needs keys 'identity' and 'known_hosts' for ssh://");
      }
      try {
        return GitAuth.ssh(identity, knownHosts);
      } catch (java.io.IOException e) {
        throw new GitFailure(GitSync.REASON_GIT_FAILED, "cannot prepare SSH: " + e.getMessage());
      }
    }
    String password = data(secret, "password");
    if (password == null) {
      throw new GitFailure(
          GitSync.REASON_AUTH_FAILED,
          "secretRef: Secret " + name + " has no key 'password' (username/password or token)");
    }
    String username = data(secret, "username");
    return GitAuth.http(
        new UsernamePasswordCredentialsProvider(username == null ? "git" : username, password));
  }

  static String data(Secret secret, String key) {
    if (secret.getData() != null && secret.getData().get(key) != null) {
      return new String(
          Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }
    return secret.getStringData() == null ? null : secret.getStringData().get(key);
  }
}
