package io.ocmj.api.work.v1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

class AppliedManifestResourceMetaTest {
  @Test
  void aCoreGroupClusterScopedEntryEqualsItselfWrittenAndReadBack() {
    AppliedManifestResourceMeta made =
        new AppliedManifestResourceMeta("", "v1", "namespaces", "", "team-a", "u1");
    String json = Serialization.asJson(made);
    assertThat(json).doesNotContain("group").doesNotContain("namespace\"");
    AppliedManifestResourceMeta read =
        Serialization.unmarshal(json, AppliedManifestResourceMeta.class);
    assertThat(read.getGroup()).isNull();
    assertThat(read).isEqualTo(made).hasSameHashCodeAs(made);
  }

  @Test
  void entriesNamingOtherObjectsDiffer() {
    AppliedManifestResourceMeta a =
        new AppliedManifestResourceMeta("", "v1", "configmaps", "default", "a", "u1");
    assertThat(a)
        .isNotEqualTo(new AppliedManifestResourceMeta("", "v1", "configmaps", "default", "b", "u1"))
        .isNotEqualTo(new AppliedManifestResourceMeta("", "v1", "configmaps", "other", "a", "u1"))
        .isNotEqualTo(
            new AppliedManifestResourceMeta("apps", "v1", "configmaps", "default", "a", "u1"))
        .isNotEqualTo(
            new AppliedManifestResourceMeta("", "v1", "configmaps", "default", "a", "u2"));
  }
}
