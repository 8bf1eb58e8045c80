package io.ocmj.gitops;

import java.util.regex.Pattern;

/**
 * Keeps credentials out of messages: {@code https://user:secret@host} becomes {@code https://host}.
 */
final class Redact {
  private static final Pattern USERINFO =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s]+@");

  private Redact() {}

  static String url(String text) {
    return text == null ? null : USERINFO.matcher(text).replaceAll("$1");
  }
}
