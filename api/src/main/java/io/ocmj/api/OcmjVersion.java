package io.ocmj.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of ocmj that is running, as its build wrote it (the Maven project version). */
public final class OcmjVersion {
  private static final String VERSION = read();

  private OcmjVersion() {}

  /** E.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} when the build left no version file. */
  public static String get() {
    return VERSION;
  }

  private static String read() {
    try (InputStream in = OcmjVersion.class.getResourceAsStream("ocmj-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "").trim();
      return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
