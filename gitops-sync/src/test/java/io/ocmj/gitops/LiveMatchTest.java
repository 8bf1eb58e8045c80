package io.ocmj.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LiveMatchTest {
  @ParameterizedTest(name = "{0} in {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"a\":1} | {\"a\":1,\"b\":2} | true",
        "{\"a\":{\"x\":\"s\"}} | {\"a\":{\"x\":\"s\",\"y\":1}} | true",
        "{\"a\":1} | {\"a\":1.0} | true",
        "{\"a\":1} | {\"a\":2} | false",
        "{\"a\":1} | {\"b\":1} | false",
        "{\"a\":\"1\"} | {\"a\":1} | false",
        "{\"l\":[1,2]} | {\"l\":[1,2,3]} | false",
        "{\"l\":[{\"n\":1}]} | {\"l\":[{\"n\":1,\"m\":2}]} | true",
        "{\"l\":[1,2]} | {\"l\":[2,1]} | false",
        "{\"a\":null} | {} | true",
        "{\"a\":null} | {\"a\":1} | false",
      })
  void everyFieldOfGitMustHoldLive(String desired, String live, boolean holds) {
    assertThat(LiveMatch.holds(json(live), json(desired))).isEqualTo(holds);
  }

  private static JsonNode json(String text) {
    return Serialization.unmarshal(text, JsonNode.class);
  }
}
