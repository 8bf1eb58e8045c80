package io.ocmj.policy.gofmt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoFloatTest {
  @ParameterizedTest
  @CsvSource({
    "1e6, 1e+06",
    "123456, 123456",
    "0.0001, 0.0001",
    "0.00001, 1e-05",
    "0.1, 0.1",
    "-2.5, -2.5",
    "-0.0, -0",
    "0, 0",
    "1e21, 1e+21",
    "4.9e-324, 5e-324",
    "NaN, NaN",
    "Infinity, +Inf",
    "-Infinity, -Inf"
  })
  void shortestMatchesPercentV(double v, String expected) {
    assertThat(GoFloat.shortest(v)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "3.14159, e, 2, 3.14e+00",
    "3.14159, E, -1, 3.14159E+00",
    "2.5, f, 0, 2",
    "3.5, f, 0, 4",
    "0.125, f, 2, 0.12",
    "1234.5678, g, 3, 1.23e+03",
    "100, g, 3, 100",
    "0.0000001, G, -1, 1E-07",
    "0, e, 3, 0.000e+00",
    "0, g, 3, 0",
    "1, x, -1, 0x1p+00",
    "1, X, 3, 0X1.000P+00",
    "0.1, x, -1, 0x1.999999999999ap-04",
    "-0.0, x, -1, -0x0p+00"
  })
  void formatMatchesStrconvFormatFloat(double v, char fmt, int prec, String expected) {
    assertThat(GoFloat.format(v, fmt, prec)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "1.5, 1.5",
    "1e20, 100000000000000000000",
    "1e21, 1e+21",
    "0.000001, 0.000001",
    "1e-7, 1e-7",
    "-1.25e-10, -1.25e-10",
    "0, 0"
  })
  void jsonMatchesEncodingJson(double v, String expected) {
    assertThat(GoFloat.json(v)).isEqualTo(expected);
  }
}
