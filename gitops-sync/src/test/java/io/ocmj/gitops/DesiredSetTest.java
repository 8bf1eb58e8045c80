package io.ocmj.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.api.gitops.v1alpha1.GitSyncSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DesiredSetTest {
  /** The hub serves ConfigMaps (namespaced) and Namespaces (cluster-scoped), nothing else. */
  private static final DesiredSet.ApiScopes HUB =
      (apiVersion, kind) ->
          apiVersion.equals("v1") && kind.equals("ConfigMap")
              ? Optional.of(true)
              : apiVersion.equals("v1") && kind.equals("Namespace")
                  ? Optional.of(false)
                  : Optional.empty();

  @Test
  void namespacesFollowTheScopeOfTheKindAndObjectsGetTheSyncLabelAndRevision() {
    DesiredSet.Result result =
        DesiredSet.build(
            parse(
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n"
                    + "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b, namespace: other}\n---\n"
                    + "apiVersion: v1\nkind: Namespace\nmetadata: {name: n}\n"),
            sync(null),
            "abc123",
            HUB);
    assertThat(result.errors()).isEmpty();
    assertThat(result.objects())
        .extracting(d -> d.id().id())
        .containsExactly("gitops_a__ConfigMap", "other_b__ConfigMap", "_n__Namespace");
    assertThat(result.objects().get(0).object().getMetadata().getLabels())
        .containsEntry(GitSync.LABEL_SYNC, "gitops.s");
    assertThat(result.objects().get(0).object().getMetadata().getAnnotations())
        .containsEntry(GitSync.ANNOTATION_REVISION, "abc123");
    assertThat(result.objects().get(2).object().getMetadata().getNamespace()).isNull();
  }

  @Test
  void targetNamespaceOverridesTheFilesNamespacesAsFluxDoes() {
    DesiredSet.Result result =
        DesiredSet.build(
            parse("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b, namespace: other}\n"),
            sync("tenant"),
            "abc",
            HUB);
    assertThat(result.objects())
        .extracting(d -> d.id().id())
        .containsExactly("tenant_b__ConfigMap");
  }

  @Test
  void everyBadObjectIsAnErrorNamingFileDocumentObjectAndField() {
    DesiredSet.Result result =
        DesiredSet.build(
            parse(
                "kind: ConfigMap\nmetadata: {name: a}\n---\n"
                    + "apiVersion: v1\nmetadata: {name: a}\n---\n"
                    + "apiVersion: v1\nkind: ConfigMap\nmetadata: {generateName: x-}\n---\n"
                    + "apiVersion: v9\nkind: Widget\nmetadata: {name: w}\n---\n"
                    + "apiVersion: v1\nkind: Namespace\nmetadata: {name: n, namespace: x}\n---\n"
                    + "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: d}\n---\n"
                    + "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: d, namespace: gitops}\n---\n"
                    + "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: e, labels: [x]}\n"),
            sync(null),
            "abc",
            HUB);
    assertThat(result.errors())
        .extracting(SyncError::toString)
        .containsExactly(
            "f.yaml[0]: apiVersion: required",
            "f.yaml[1]: kind: required",
            "f.yaml[2]: ConfigMap: metadata.name: required (generateName would create a new object"
                + " on every sync)",
            "f.yaml[3] Widget/w: kind Widget of apiVersion v9 is not served by the hub (is its CRD"
                + " installed?)",
            "f.yaml[4] Namespace/x/n: metadata.namespace: Namespace is cluster-scoped and takes none",
            "f.yaml[6] ConfigMap/gitops/d: the same object is also in f.yaml[5]",
            "f.yaml[7] ConfigMap/e: metadata: Cannot deserialize value of type"
                + " `java.util.LinkedHashMap<java.lang.String,java.lang.String>` from Array value"
                + " (token `JsonToken.START_ARRAY`)");
  }

  @Test
  void aKindThatACrdOfTheSameCommitDefinesIsAccepted() {
    DesiredSet.Result result =
        DesiredSet.build(
            parse(
                "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n"
                    + "metadata: {name: widgets.example.com}\n"
                    + "spec: {group: example.com, scope: Namespaced, names: {kind: Widget,"
                    + " plural: widgets}, versions: [{name: v1}]}\n---\n"
                    + "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n"),
            sync(null),
            "abc",
            (apiVersion, kind) ->
                kind.equals("CustomResourceDefinition")
                    ? Optional.of(false)
                    : HUB.namespaced(apiVersion, kind));
    assertThat(result.errors()).isEmpty();
    assertThat(result.objects())
        .extracting(d -> d.id().id())
        .contains("gitops_w_example.com_Widget");
  }

  private static List<SourceObject> parse(String yaml) {
    byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
    ManifestParser.Parsed parsed =
        ManifestParser.parse(List.of(new SourceFile("f.yaml", bytes.length, bytes)));
    assertThat(parsed.errors()).isEmpty();
    return parsed.objects();
  }

  private static GitSync sync(String targetNamespace) {
    GitSync sync = new GitSync();
    sync.getMetadata().setName("s");
    sync.getMetadata().setNamespace("gitops");
    GitSyncSpec spec = new GitSyncSpec();
    spec.setUrl("file:///repo");
    spec.setTargetNamespace(targetNamespace);
    sync.setSpec(spec);
    return sync;
  }
}
