package io.ocmj.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.api.gitops.v1alpha1.GitSyncSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hub refuses file:// repositories unless told otherwise: they read its own file system. */
class FileUrlRefusalTest {
  @TempDir Path cache;

  @Test
  void aFileUrlIsRefusedNamingTheFieldAndTheSwitch() {
    GitSync sync = sync("file:///etc/secrets-repo");
    assertThatThrownBy(() -> new GitFetcher(cache, false).resolve(sync, null))
        .isInstanceOf(GitFailure.class)
        .hasMessage(
            "spec.url file:///etc/secrets-repo: file:// URLs are turned off on this hub (they"
                + " read the hub's own file system); 'ocmj hub --git-allow-file-urls' turns them"
                + " on");
    assertThat(GitFetcher.refused("FILE:///x", false)).as("any case").isPresent();
  }

  @Test
  void otherSchemesAndAllowedFileUrlsPass() {
    assertThat(GitFetcher.refused("https://example.com/fleet.git", false)).isEmpty();
    assertThat(GitFetcher.refused("ssh://git@example.com/fleet.git", false)).isEmpty();
    assertThat(GitFetcher.refused("file:///srv/fleet", true)).isEmpty();
  }

  private static GitSync sync(String url) {
    GitSync sync = new GitSync();
    sync.getMetadata().setName("s");
    sync.getMetadata().setNamespace("ns");
    sync.setSpec(new GitSyncSpec());
    sync.getSpec().setUrl(url);
    return sync;
  }
}
