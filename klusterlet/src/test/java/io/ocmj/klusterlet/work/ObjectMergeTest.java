package io.ocmj.klusterlet.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectMergeTest {
  private static final Map<String, Object> OWNER =
      Map.of("kind", "AppliedManifestWork", "uid", "u1");

  @Test
  void defaultsTheServerAddedDoNotCountAsDrift() {
    Map<String, Object> required =
        object(
            Map.of("replicas", 2, "template", Map.of("containers", List.of(Map.of("name", "a")))));
    Map<String, Object> live =
        object(
            Map.of(
                "replicas",
                2L,
                "strategy",
                Map.of("type", "RollingUpdate"),
                "template",
                Map.of("containers", List.of(Map.of("name", "a", "imagePullPolicy", "Always")))));
    assertThat(ObjectMerge.inPlace(required, live)).isTrue();
  }

  @Test
  void aChangedValueAListOfAnotherLengthOrAMissingOwnerIsDrift() {
    Map<String, Object> required = object(Map.of("replicas", 2, "ports", List.of(1, 2)));
    assertThat(ObjectMerge.inPlace(required, object(Map.of("replicas", 3, "ports", List.of(1, 2)))))
        .isFalse();
    assertThat(ObjectMerge.inPlace(required, object(Map.of("replicas", 2, "ports", List.of(1)))))
        .isFalse();
    Map<String, Object> unowned = object(Map.of("replicas", 2, "ports", List.of(1, 2)));
    ((Map<String, Object>) unowned.get("metadata")).remove("ownerReferences");
    assertThat(ObjectMerge.inPlace(required, unowned)).isFalse();
  }

  @Test
  void theUpdateKeepsLiveMetadataMergesLabelsAndOwnersAndReplacesContentWhole() {
    Map<String, Object> required = object(Map.of("data", "new"));
    ((Map<String, Object>) required.get("metadata")).put("labels", Map.of("app", "web"));
    Map<String, Object> live = new LinkedHashMap<>();
    Map<String, Object> liveMeta = new LinkedHashMap<>();
    liveMeta.put("name", "x");
    liveMeta.put("resourceVersion", "42");
    liveMeta.put("finalizers", List.of("keep.me"));
    liveMeta.put("labels", Map.of("team", "a", "app", "old"));
    liveMeta.put("ownerReferences", List.of(Map.of("kind", "Other", "uid", "u2")));
    live.put("metadata", liveMeta);
    live.put("spec", Map.of("data", "old", "extra", "x"));
    live.put("status", Map.of("ready", true));

    Map<String, Object> updated = ObjectMerge.updated(required, live);
    Map<String, Object> meta = ObjectMerge.map(updated.get("metadata"));
    assertThat(meta.get("resourceVersion")).isEqualTo("42");
    assertThat(meta.get("finalizers")).isEqualTo(List.of("keep.me"));
    assertThat(meta.get("labels")).isEqualTo(Map.of("team", "a", "app", "web"));
    assertThat(ObjectMerge.list(meta.get("ownerReferences")))
        .extracting(o -> ObjectMerge.map(o).get("uid"))
        .containsExactly("u2", "u1");
    assertThat(updated.get("spec"))
        .as("a field removed from the manifest goes")
        .isEqualTo(Map.of("data", "new"));
    assertThat(updated.get("status")).isEqualTo(Map.of("ready", true));
  }

  @Test
  void ignoredFieldsTakeTheLiveValue() {
    Map<String, Object> required = object(new LinkedHashMap<>(Map.of("replicas", 2)));
    Map<String, Object> live = object(Map.of("replicas", 7));
    ObjectMerge.keepLive(required, live, List.of(FieldPath.parse(".spec.replicas")));
    assertThat(ObjectMerge.inPlace(required, live)).isTrue();
  }

  private static Map<String, Object> object(Map<String, Object> spec) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("name", "x");
    meta.put("ownerReferences", new ArrayList<>(List.of(OWNER)));
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("apiVersion", "apps/v1");
    object.put("kind", "Deployment");
    object.put("metadata", meta);
    object.put("spec", spec);
    return object;
  }
}
