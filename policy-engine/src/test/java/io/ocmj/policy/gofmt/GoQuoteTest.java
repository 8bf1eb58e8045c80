package io.ocmj.policy.gofmt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocmj.policy.gofmt.GoQuote.LoneSurrogates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GoQuoteTest {
  @Test
  void quoteEscapesLikeStrconvQuote() {
    assertThat(GoQuote.quote("a\"b\\\n\t\u0007\u000b☺\u0001\u007f\u00a0"))
        .isEqualTo("\"a\\\"b\\\\\\n\\t\\a\\v☺\\x01\\x7f\\u00a0\"");
    assertThat(GoQuote.quote("\ud83d\ude00\udb80\udc00", LoneSurrogates.REPLACE))
        .isEqualTo("\"\ud83d\ude00\\U000f0000\"");
  }

  @Test
  void quoteToAsciiEscapesEveryNonAsciiRune() {
    assertThat(GoQuote.quoteToAscii("é☺\ud83d\ude00", LoneSurrogates.REPLACE))
        .isEqualTo("\"\\u00e9\\u263a\\U0001f600\"");
  }

  @Test
  void loneSurrogatesAreEscapedOrReplacedAsAsked() {
    assertThat(GoQuote.quote("a\ud800")).isEqualTo("\"a\\ud800\"");
    assertThat(GoQuote.quote("a\ud800", LoneSurrogates.ESCAPE)).isEqualTo("\"a\\ud800\"");
    assertThat(GoQuote.quote("a\ud800", LoneSurrogates.REPLACE)).isEqualTo("\"a\ufffd\"");
    assertThat(GoQuote.quoteToAscii("\udc00", LoneSurrogates.REPLACE)).isEqualTo("\"\\ufffd\"");
  }

  @Test
  void quoteRuneUsesSingleQuotes() {
    assertThat(GoQuote.quoteRune('☺')).isEqualTo("'☺'");
    assertThat(GoQuote.quoteRune('\'')).isEqualTo("'\\''");
    assertThat(GoQuote.quoteRune('"')).isEqualTo("'\"'");
    assertThat(GoQuote.quoteRune('\n')).isEqualTo("'\\n'");
    assertThat(GoQuote.quoteRune(0x263a, true)).isEqualTo("'\\u263a'");
    assertThat(GoQuote.quoteRune('x', true)).isEqualTo("'x'");
  }

  @Test
  void canBackquoteRejectsBackquotesControlsAndTheBom() {
    for (boolean printableOnly : new boolean[] {true, false}) {
      assertThat(GoQuote.canBackquote("a\tb ☺", printableOnly)).isTrue();
      assertThat(GoQuote.canBackquote("a`b", printableOnly)).isFalse();
      assertThat(GoQuote.canBackquote("a\nb", printableOnly)).isFalse();
      assertThat(GoQuote.canBackquote("\u007f", printableOnly)).isFalse();
      assertThat(GoQuote.canBackquote("\ufeff", printableOnly)).isFalse();
      assertThat(GoQuote.canBackquote("\ud800", printableOnly)).isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u00a0", "\u0085", "\u200b", "\u2028", "\ue000"})
  void onlyThePrintableRuleRejectsOtherNonPrintableRunes(String s) {
    assertThat(GoQuote.canBackquote(s, true)).isFalse();
    assertThat(GoQuote.canBackquote(s, false)).isTrue();
  }

  @Test
  void isPrintFollowsUnicodeIsPrint() {
    assertThat(GoQuote.isPrint('a')).isTrue();
    assertThat(GoQuote.isPrint(' ')).isTrue();
    assertThat(GoQuote.isPrint(0x1F600)).isTrue();
    assertThat(GoQuote.isPrint('\u00a0')).isFalse();
    assertThat(GoQuote.isPrint('\u200b')).isFalse();
    assertThat(GoQuote.isPrint(0xD800)).isFalse();
    assertThat(GoQuote.isPrint(0x10FFFF)).isFalse();
  }

  @Test
  void unquoteReadsStringRawAndRuneLiterals() {
    assertThat(GoQuote.unquote("\"a\\tb\\\"\\x41\\101\\u00e9\\U0001F600\""))
        .isEqualTo("a\tb\"AAé\ud83d\ude00");
    assertThat(GoQuote.unquote("`a\r\\nb`")).isEqualTo("a\\nb");
    assertThat(GoQuote.unquote("'\\''")).isEqualTo("'");
    assertThat(GoQuote.unquote("'☺'")).isEqualTo("☺");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "\"", "\"a", "'ab'", "\"\\400\"", "\"\\8\"", "\"\\x4\"", "\"a\nb\"", "`a`b`"})
  void unquoteRejectsMalformedLiterals(String literal) {
    assertThatThrownBy(() -> GoQuote.unquote(literal)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void quoteThenUnquoteRoundTrips() {
    String s = "tab\there \"quoted\" \\ ☺ \u0001 \ud83d\ude00";
    assertThat(GoQuote.unquote(GoQuote.quote(s))).isEqualTo(s);
  }
}
