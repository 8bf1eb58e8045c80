package io.ocmj.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OcmjVersionTest {
  @Test
  void theBuildWritesTheProjectVersion() {
    // "unknown" or an unfilled "${project.version}" means the resource filtering broke.
    assertThat(OcmjVersion.get()).matches("\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?");
  }
}
