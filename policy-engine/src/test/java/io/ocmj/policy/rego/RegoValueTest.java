package io.ocmj.policy.rego;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocmj.policy.rego.RegoValue.RArray;
import io.ocmj.policy.rego.RegoValue.RNumber;
import io.ocmj.policy.rego.RegoValue.RSet;
import io.ocmj.policy.rego.RegoValue.RString;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegoValueTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void parseKeepsNumberLiteralsAsOpaPrintsThem() {
    // OPA 1.22.3: sprintf("%v", [input.x]) with {"x": [1.0, 1e6, 0.1, -0.0, 1E3]}.
    RegoValue v = RegoJson.parse("[1.0, 1e6, 0.1, -0.0, 1E3]");

    assertThat(v).hasToString("[1.0, 1e6, 0.1, -0.0, 1E3]");
  }

  @Test
  void objectsPrintWithSortedKeys() {
    // OPA 1.22.3: sprintf("%v", [input.o]) with {"o": {"b": 1, "a": 2, "B": 3}}.
    assertThat(RegoJson.parse("{\"b\": 1, \"a\": 2, \"B\": 3}"))
        .hasToString("{\"B\": 3, \"a\": 2, \"b\": 1}");
  }

  @Test
  void jacksonDoublesPrintAsGoFloats() throws Exception {
    RegoValue v = RegoValue.fromJson(MAPPER.readTree("[1000000.0, 0.5, 7]"));

    assertThat(v).hasToString("[1e+06, 0.5, 7]");
    assertThat(GoSprintf.sprintf("%v %v", ((RArray) v).items()))
        .isEqualTo("1e+06 0.5%!(EXTRA int64=7)");
  }

  @Test
  void setsSerialiseAsSortedArrays() throws Exception {
    RSet set = RSet.of(List.of(new RString("b"), new RString("a"), new RString("b")));

    assertThat(MAPPER.writeValueAsString(set.toJson())).isEqualTo("[\"a\",\"b\"]");
  }

  @Test
  void numbersKeepTheirScaleInJson() throws Exception {
    assertThat(MAPPER.writeValueAsString(new RNumber("1.5000000000").toJson()))
        .isEqualTo("1.5000000000");
    assertThat(MAPPER.writeValueAsString(new RNumber("12345678901234567890").toJson()))
        .isEqualTo("12345678901234567890");
  }

  @Test
  void numbersEqualByValue() {
    assertThat(new RNumber("1.0")).isEqualTo(new RNumber("1")).hasSameHashCodeAs(new RNumber("1"));
    assertThat(new RNumber("2.50")).isGreaterThan(new RNumber("2")).isLessThan(new RNumber("1e1"));
  }

  @Test
  void rejectsTextThatIsNotAJsonNumber() {
    assertThatThrownBy(() -> new RNumber("0x10")).isInstanceOf(IllegalArgumentException.class);
  }
}
