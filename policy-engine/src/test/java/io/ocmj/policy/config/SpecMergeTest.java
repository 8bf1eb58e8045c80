package io.ocmj.policy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecMergeTest {
  @Test
  void musthaveKeepsExtraKeysAndMatchesWhenDesiredIsPresent() throws Exception {
    Object existing = Map.of("a", "1", "b", Map.of("c", 2, "d", 3));
    Object merged = SpecMerge.merge(Map.of("b", Map.of("c", 2)), existing, false);
    assertThat(merged).isEqualTo(existing);
    assertThat(SpecEquality.equal(merged, existing, false)).isTrue();
  }

  @Test
  void mustonlyhaveDropsKeysTheTemplateDoesNotName() throws Exception {
    Object existing = Map.of("a", "1", "b", "2");
    Object merged = SpecMerge.merge(Map.of("a", "1"), existing, true);
    assertThat(merged).isEqualTo(Map.of("a", "1"));
    assertThat(SpecEquality.equal(merged, existing, true)).isFalse();
  }

  @Test
  void listItemsWithTheSameNameMergeAndOthersAreAppendedAfterTheDesiredOnes() throws Exception {
    List<Object> existing =
        List.of(Map.of("name", "a", "image", "x", "ports", List.of(80)), Map.of("name", "b"));
    Object merged = SpecMerge.merge(List.of(Map.of("name", "a", "image", "y")), existing, false);
    assertThat(merged)
        .isEqualTo(
            List.of(Map.of("name", "a", "image", "y", "ports", List.of(80)), Map.of("name", "b")));
    assertThat(SpecEquality.equal(merged, existing, false)).isFalse();
  }

  @Test
  void aDesiredListItemFoundUnchangedMatchesRegardlessOfOrder() throws Exception {
    List<Object> existing = List.of(Map.of("port", 1), Map.of("port", 2));
    Object merged = SpecMerge.merge(List.of(Map.of("port", 2)), existing, false);
    assertThat(SpecEquality.equal(merged, existing, false)).isTrue();
  }

  @Test
  void mustonlyhaveListsMustHaveTheSameItemsInAnyOrder() throws Exception {
    List<Object> existing = List.of("b", "a");
    assertThat(
            SpecEquality.equal(SpecMerge.merge(List.of("a", "b"), existing, true), existing, true))
        .isTrue();
    assertThat(SpecEquality.equal(SpecMerge.merge(List.of("a"), existing, true), existing, true))
        .isFalse();
  }

  @Test
  void scalarsCompareAsTextAndQuantities() {
    assertThat(SpecEquality.equal(1, "1", false)).isTrue();
    assertThat(SpecEquality.equal("1Gi", "1024Mi", false)).isTrue();
    assertThat(SpecEquality.equal("500m", "0.5", false)).isTrue();
    assertThat(SpecEquality.equal("1Gi", "1G", false)).isFalse();
    assertThat(SpecEquality.equal(true, "true", false)).isTrue();
  }

  @Test
  void anAbsentValueEqualsAZeroValueOnlyForMustonlyhave() {
    assertThat(SpecEquality.equal(Map.of("a", ""), Map.of(), true)).isTrue();
    assertThat(SpecEquality.equal(Map.of("a", ""), Map.of(), false)).isFalse();
  }

  @Test
  void aMapAgainstAScalarIsATypeMismatch() {
    assertThatThrownBy(() -> SpecMerge.merge(Map.of("a", 1), "text", false))
        .isInstanceOf(SpecMerge.TypeMismatch.class)
        .hasMessage("object type of template and existing do not match");
  }
}
