package io.ocmj.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocmj.cli.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example works dev up applies: bad files are one-line errors naming the file and field. */
class ExampleWorksTest {
  @TempDir Path dir;

  @Test
  void theShippedExampleIsAValidManifestWork() {
    assertThat(ExampleWorks.read(Path.of("..", "examples-repo", "manifestworks")))
        .extracting(w -> w.getMetadata().getName())
        .containsExactly("hello-world");
  }

  @Test
  void aFileThatIsNotAManifestWorkNamesTheFileAndWhatIsWrong() throws Exception {
    Path notYaml = Files.writeString(dir.resolve("a.yaml"), "kind: [unclosed");
    assertThatThrownBy(() -> ExampleWorks.parse(notYaml))
        .isInstanceOf(UserError.class)
        .hasMessageStartingWith(notYaml + ": not a ManifestWork:");

    Path configMap =
        Files.writeString(
            dir.resolve("b.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
    assertThatThrownBy(() -> ExampleWorks.parse(configMap))
        .hasMessage(
            configMap
                + ": apiVersion/kind must be work.open-cluster-management.io/v1 ManifestWork, was v1"
                + " ConfigMap");

    Path nameless =
        Files.writeString(
            dir.resolve("c.yaml"),
            "apiVersion: work.open-cluster-management.io/v1\nkind: ManifestWork\nmetadata: {}\n");
    assertThatThrownBy(() -> ExampleWorks.parse(nameless))
        .hasMessage(nameless + ": metadata.name is missing");

    Path empty =
        Files.writeString(
            dir.resolve("d.yaml"),
            "apiVersion: work.open-cluster-management.io/v1\nkind: ManifestWork\n"
                + "metadata: {name: w}\nspec: {workload: {manifests: []}}\n");
    assertThatThrownBy(() -> ExampleWorks.parse(empty))
        .hasMessage(empty + ": spec.workload.manifests is empty");
  }
}
