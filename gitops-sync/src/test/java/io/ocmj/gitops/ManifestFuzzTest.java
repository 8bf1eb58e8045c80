package io.ocmj.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmj.api.gitops.v1alpha1.GitSync;
import io.ocmj.api.gitops.v1alpha1.GitSyncSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzing of what a Git repository hands the GitSync controller: random bytes, YAML-shaped noise
 * and random edits of valid manifests go through the YAML loader and the object checks. Whatever
 * comes in, the outcome is objects or errors that name the file, never an exception; and an object
 * is only accepted from a file without errors. The tests run a few hundred tries per property;
 * {@code bin/bench-fuzz} runs many more.
 */
class ManifestFuzzTest {
  private static final String FILE = "fleet/fuzz.yaml";

  private static final List<String> VALID =
      List.of(
          """
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: settings
            namespace: team-a
            labels: {app: web}
          data:
            key: value
          """,
          """
          apiVersion: work.open-cluster-management.io/v1
          kind: ManifestWork
          metadata:
            name: web
            namespace: cluster1
          spec:
            workload:
              manifests:
                - apiVersion: v1
                  kind: ConfigMap
                  metadata: {name: config, namespace: web}
                  data: {revision: "1"}
            manifestConfigs:
              - resourceIdentifier: {group: apps, resource: deployments, name: web, namespace: web}
                feedbackRules:
                  - type: JSONPaths
                    jsonPaths: [{name: ready, path: .status.readyReplicas}]
            deleteOption:
              propagationPolicy: Orphan
          """,
          """
          apiVersion: policy.open-cluster-management.io/v1
          kind: Policy
          metadata:
            name: greeting
            namespace: fleet
          spec:
            remediationAction: inform
            disabled: false
            policy-templates:
              - objectDefinition:
                  apiVersion: policy.open-cluster-management.io/v1
                  kind: ConfigurationPolicy
                  metadata: {name: greeting}
                  spec:
                    namespaceSelector: {include: ["team-*"], exclude: [kube-system]}
                    object-templates:
                      - complianceType: musthave
                        objectDefinition:
                          apiVersion: v1
                          kind: ConfigMap
                          metadata: {name: greeting}
                          data: {message: '{{ fromSecret "a" "b" "c" }}'}
          ---
          apiVersion: v1
          kind: Namespace
          metadata: {name: team-a}
          """);

  private static final List<String> FRAGMENTS =
      List.of(
          "\n",
          "  ",
          "\t",
          ": ",
          "- ",
          "---\n",
          "...\n",
          "{",
          "}",
          "[",
          "]",
          ", ",
          "&a ",
          "*a",
          "<<: *a\n",
          "!!binary ",
          "!!str ",
          "!custom ",
          "? ",
          "|\n",
          ">-\n",
          "#",
          "'",
          "\"",
          "\\u0000",
          "~",
          "null",
          "true",
          "0x1F",
          "1e400",
          "-.inf",
          ".nan",
          "apiVersion: v1\n",
          "kind: ConfigMap\n",
          "kind: Namespace\n",
          "metadata:\n",
          "  name: x\n",
          "  namespace: y\n",
          "metadata: {name: ",
          "apiVersion: ",
          "kind: ",
          "spec:\n",
          "data: {a: b}\n",
          "é",
          "💥",
          "\r\n",
          "%YAML 1.2\n",
          "%TAG ! tag:x,2000:\n");

  @Property
  void randomBytesNeverBreakTheLoader(@ForAll("bytes") byte[] content) {
    check(content);
  }

  @Property
  void yamlShapedNoiseNeverBreaksTheLoader(@ForAll("noise") String text) {
    check(text.getBytes(StandardCharsets.UTF_8));
  }

  @Property
  void editedManifestsAreAcceptedOrRefusedWithTheFileNamed(@ForAll("edited") String text) {
    check(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The loader and the checks end in objects or errors naming the file, never an exception. */
  private static void check(byte[] content) {
    ManifestParser.Parsed parsed =
        ManifestParser.parse(List.of(new SourceFile(FILE, content.length, content)));
    assertThat(parsed.errors()).allSatisfy(e -> assertThat(e.file()).isEqualTo(FILE));
    assertThat(parsed.errors()).allSatisfy(e -> assertThat(e.message()).isNotBlank());
    if (!parsed.errors().isEmpty()) {
      assertThat(parsed.objects()).as("objects of a file with errors").isEmpty();
    }
    DesiredSet.Result desired =
        DesiredSet.build(parsed.objects(), sync(), "0123456789abcdef", ManifestFuzzTest::served);
    assertThat(desired.errors()).allSatisfy(e -> assertThat(e.file()).isEqualTo(FILE));
    assertThat(desired.errors()).allSatisfy(e -> assertThat(e.message()).isNotBlank());
    assertThat(desired.objects().size() + desired.errors().size())
        .as("every loaded object is either desired or refused")
        .isGreaterThanOrEqualTo(parsed.objects().size());
    assertThat(desired.objects().size()).isLessThanOrEqualTo(parsed.objects().size());
    for (DesiredSet.Desired d : desired.objects()) {
      assertThat(d.object().getMetadata().getName()).isNotBlank();
      assertThat(d.file()).isEqualTo(FILE);
    }
  }

  private static Optional<Boolean> served(String apiVersion, String kind) {
    return switch (apiVersion + "/" + kind) {
      case "v1/ConfigMap",
          "work.open-cluster-management.io/v1/ManifestWork",
          "policy.open-cluster-management.io/v1/Policy" ->
          Optional.of(true);
      case "v1/Namespace" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  private static GitSync sync() {
    GitSync sync = new GitSync();
    sync.getMetadata().setName("fuzz");
    sync.getMetadata().setNamespace("gitops");
    sync.setSpec(new GitSyncSpec());
    return sync;
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(4096);
  }

  @Provide
  Arbitrary<String> noise() {
    return Arbitraries.of(FRAGMENTS).list().ofMaxSize(80).map(l -> String.join("", l));
  }

  /** A valid manifest with one to five edits: a cut, an insertion, a duplicated line. */
  @Provide
  Arbitrary<String> edited() {
    Arbitrary<Edit> edit =
        Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.doubles().between(0, 1),
                Arbitraries.integers().between(1, 40),
                Arbitraries.of(FRAGMENTS))
            .as(Edit::new);
    return Combinators.combine(Arbitraries.of(VALID), edit.list().ofMinSize(1).ofMaxSize(5))
        .as(
            (text, edits) -> {
              String t = text;
              for (Edit e : edits) {
                t = e.apply(t);
              }
              return t;
            });
  }

  private record Edit(int kind, double where, int length, String fragment) {
    String apply(String text) {
      int at = (int) (where * text.length());
      return switch (kind) {
        case 0 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + length));
        case 1 -> text.substring(0, at) + fragment + text.substring(at);
        default -> {
          int start = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
          int end = text.indexOf('\n', at);
          String line = text.substring(start, end < 0 ? text.length() : end + 1);
          yield text.substring(0, start) + line + text.substring(start);
        }
      };
    }
  }
}
