package io.ocmj.klusterlet.work;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmj.api.work.v1.FeedbackRule;
import io.ocmj.api.work.v1.FeedbackType;
import io.ocmj.api.work.v1.FeedbackValue;
import io.ocmj.api.work.v1.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusFeedbackTest {
  private static final Map<String, Object> JOB =
      Map.of(
          "status",
          Map.of(
              "succeeded",
              1,
              "conditions",
              List.of(Map.of("type", "Complete", "status", "True")),
              "startTime",
              "2026-11-25T10:00:00Z"));

  @Test
  void wellKnownStatusOfAJobReadsItsConditionAndCount() {
    StatusFeedback.Result result =
        StatusFeedback.read(List.of(wellKnown()), "batch", "Job", JOB, 1024);
    assertThat(result.problems()).isEmpty();
    assertThat(result.values())
        .extracting(
            FeedbackValue::getName,
            v -> v.getFieldValue().getType().name(),
            StatusFeedbackTest::scalar)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("JobComplete", "String", "True"),
            org.assertj.core.groups.Tuple.tuple("JobSucceeded", "Integer", 1L));
  }

  @Test
  void valuesNotSetYetAreLeftOutNotInvented() {
    StatusFeedback.Result result =
        StatusFeedback.read(List.of(wellKnown()), "apps", "Deployment", Map.of(), 1024);
    assertThat(result.values()).isEmpty();
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void aKindWithoutWellKnownStatusIsAProblemNamingIt() {
    StatusFeedback.Result result =
        StatusFeedback.read(List.of(wellKnown()), "example.com", "Widget", JOB, 1024);
    assertThat(result.problems()).containsExactly("no well-known status for Widget.example.com");
  }

  @Test
  void jsonPathsKeepScalarTypesAndReportObjectsAsRawJsonWithinTheLimit() throws Exception {
    StatusFeedback.Result result =
        StatusFeedback.read(
            List.of(paths("started", ".status.startTime", "conditions", "{.status.conditions}")),
            "batch",
            "Job",
            JOB,
            1024);
    assertThat(result.values())
        .extracting(FeedbackValue::getName)
        .containsExactly("started", "conditions");
    assertThat(scalar(result.values().get(0))).isEqualTo("2026-11-25T10:00:00Z");
    assertThat(result.values().get(1).getFieldValue().getType().name()).isEqualTo("JsonRaw");
    assertThat(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(result.values().get(1).getFieldValue().getJsonRaw()))
        .isEqualTo(
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("[{\"type\":\"Complete\",\"status\":\"True\"}]"));

    StatusFeedback.Result tooBig =
        StatusFeedback.read(
            List.of(paths("conditions", ".status.conditions")), "batch", "Job", JOB, 10);
    assertThat(tooBig.values()).isEmpty();
    assertThat(tooBig.problems().get(0)).contains("conditions", "over the limit of 10");
  }

  @Test
  void anInvalidPathIsAProblemNamingThePath() {
    StatusFeedback.Result result =
        StatusFeedback.read(List.of(paths("bad", ".status[?(")), "batch", "Job", JOB, 1024);
    assertThat(result.problems()).singleElement().asString().contains("bad", ".status[?(");
  }

  private static Object scalar(FeedbackValue v) {
    var f = v.getFieldValue();
    return f.getInteger() != null
        ? f.getInteger()
        : f.getString() != null
            ? f.getString()
            : f.getBool() != null ? f.getBool() : f.getJsonRaw();
  }

  private static FeedbackRule wellKnown() {
    FeedbackRule rule = new FeedbackRule();
    rule.setType(FeedbackType.WellKnownStatus);
    return rule;
  }

  private static FeedbackRule paths(String... namesAndPaths) {
    FeedbackRule rule = new FeedbackRule();
    rule.setType(FeedbackType.JSONPaths);
    List<JsonPath> paths = new java.util.ArrayList<>();
    for (int i = 0; i < namesAndPaths.length; i += 2) {
      JsonPath path = new JsonPath();
      path.setName(namesAndPaths[i]);
      path.setPath(namesAndPaths[i + 1]);
      paths.add(path);
    }
    rule.setJsonPaths(paths);
    return rule;
  }
}
