package io.ocmj.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestParserTest {
  @Test
  void readsEveryDocumentOfEveryFileWithItsIndex() {
    ManifestParser.Parsed parsed =
        ManifestParser.parse(
            List.of(
                file(
                    "a.yaml",
                    "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: one}\n---\n---\n"
                        + "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: two}\ndata: {on: yes, n: '1'}\n")));
    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.objects())
        .extracting(o -> o.file() + "[" + o.document() + "] " + o.name())
        .containsExactly("a.yaml[0] one", "a.yaml[2] two");
    assertThat(parsed.objects().get(1).content().get("data"))
        .as("YAML 1.2 core schema: yes and on stay strings")
        .isEqualTo(java.util.Map.of("on", "yes", "n", "1"));
  }

  @Test
  void aBillionLaughsFileIsRefusedBeforeItExpands() {
    StringBuilder bomb =
        new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    char previous = 'a';
    for (char c = 'b'; c <= 'j'; c++) {
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        bomb.append(i == 0 ? "" : ",").append('*').append(previous);
      }
      bomb.append("]\n");
      previous = c;
    }
    ManifestParser.Parsed parsed =
        ManifestParser.parse(List.of(file("bomb.yaml", bomb.toString())));
    assertThat(parsed.objects()).isEmpty();
    assertThat(parsed.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.file()).isEqualTo("bomb.yaml");
              assertThat(e.message()).contains("invalid YAML").containsIgnoringCase("aliases");
            });
  }

  @Test
  void duplicateKeysBinaryGarbageAndHugeFilesAreErrorsNamingTheFile() {
    byte[] garbage = new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0xc3, 0x28};
    ManifestParser.Parsed parsed =
        ManifestParser.parse(
            List.of(
                file("dup.yaml", "apiVersion: v1\nkind: ConfigMap\nkind: Secret\n"),
                new SourceFile("bin.yaml", garbage.length, garbage),
                new SourceFile("big.yaml", 10L * 1024 * 1024, null),
                file("list.yaml", "- a\n- b\n"),
                file("key.yaml", "apiVersion: v1\ndata:\n  1: c\n"),
                file("ok.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n")));
    assertThat(parsed.objects()).extracting(SourceObject::file).containsExactly("ok.yaml");
    assertThat(parsed.errors())
        .extracting(SyncError::toString)
        .satisfiesExactly(
            dup -> assertThat(dup).startsWith("dup.yaml[0]: invalid YAML").contains("kind"),
            bin -> assertThat(bin).isEqualTo("bin.yaml: not UTF-8 text"),
            big ->
                assertThat(big)
                    .isEqualTo("big.yaml: file is 10485760 bytes, over the limit of 2097152"),
            list ->
                assertThat(list)
                    .isEqualTo("list.yaml[0]: a document must be a mapping (an object)"),
            key ->
                assertThat(key).isEqualTo("key.yaml[0]: data: key 1 is not a string (quote it)"));
  }

  @Test
  void deepNestingIsAnErrorNotACrash() {
    String deep = "a: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n";
    String lessDeep = "a: " + "[".repeat(100) + "]".repeat(100) + "\n";
    ManifestParser.Parsed parsed =
        ManifestParser.parse(List.of(file("deep.yaml", deep), file("nested.yaml", lessDeep)));
    assertThat(parsed.objects()).isEmpty();
    assertThat(parsed.errors())
        .extracting(SyncError::toString)
        .satisfiesExactly(
            d -> assertThat(d).startsWith("deep.yaml[0]: invalid YAML: nesting too deep"),
            n ->
                assertThat(n).startsWith("nested.yaml[0]: a[0]").contains("nested deeper than 64"));
  }

  @Test
  void aSyntaxErrorNamesTheDocument() {
    ManifestParser.Parsed parsed =
        ManifestParser.parse(
            List.of(
                file("bad.yaml", "apiVersion: v1\nkind: ConfigMap\n---\nmetadata: [unclosed\n")));
    assertThat(parsed.objects()).as("a file with an error contributes nothing").isEmpty();
    assertThat(parsed.errors())
        .singleElement()
        .satisfies(e -> assertThat(e.document()).isEqualTo(1));
  }

  private static SourceFile file(String path, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new SourceFile(path, bytes.length, bytes);
  }
}
