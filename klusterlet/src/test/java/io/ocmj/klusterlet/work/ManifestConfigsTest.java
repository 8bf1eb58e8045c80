package io.ocmj.klusterlet.work;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmj.api.work.v1.AppliedManifestResourceMeta;
import io.ocmj.api.work.v1.DeleteOption;
import io.ocmj.api.work.v1.PropagationPolicy;
import io.ocmj.api.work.v1.SelectivelyOrphan;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestConfigsTest {
  @Test
  void namespaceAndNameMatchWithWildcardsGroupAndResourceExactly() {
    var id = WorkFixtures.id("apps", "deployments", "team-*", "*-web");
    assertThat(ManifestConfigs.matches(id, "apps", "deployments", "team-a", "shop-web")).isTrue();
    assertThat(ManifestConfigs.matches(id, "apps", "deployments", "other", "shop-web")).isFalse();
    assertThat(ManifestConfigs.matches(id, "", "deployments", "team-a", "shop-web")).isFalse();
    assertThat(ManifestConfigs.matches(id, "apps", "statefulsets", "team-a", "shop-web")).isFalse();
    assertThat(ManifestConfigs.wildcard("a.b", "axb")).as("only * is special").isFalse();
  }

  @Test
  void orphaningFollowsTheDeleteOption() {
    AppliedManifestResourceMeta cm =
        new AppliedManifestResourceMeta("", "v1", "configmaps", "ns", "keep-me", "u");
    assertThat(Releases.orphaned(null, cm)).isFalse();
    assertThat(Releases.orphaned(option(PropagationPolicy.Foreground), cm)).isFalse();
    assertThat(Releases.orphaned(option(PropagationPolicy.Orphan), cm)).isTrue();
    DeleteOption selective = option(PropagationPolicy.SelectivelyOrphan);
    SelectivelyOrphan rules = new SelectivelyOrphan();
    rules.setOrphaningRules(List.of(WorkFixtures.id("", "configmaps", "ns", "keep-*")));
    selective.setSelectivelyOrphans(rules);
    assertThat(Releases.orphaned(selective, cm)).isTrue();
    assertThat(
            Releases.orphaned(
                selective,
                new AppliedManifestResourceMeta("", "v1", "configmaps", "ns", "other", "u")))
        .isFalse();
  }

  private static DeleteOption option(PropagationPolicy policy) {
    DeleteOption option = new DeleteOption();
    option.setPropagationPolicy(policy);
    return option;
  }
}
