package io.ocmj.api.wgpolicy.v1alpha2;

import java.time.Instant;

/** A protobuf-style time ({@code {seconds, nanos}}), which the report format uses, not RFC 3339. */
public class Timestamp {
  private long seconds;
  private int nanos;

  public Timestamp() {}

  public static Timestamp of(Instant instant) {
    Timestamp t = new Timestamp();
    t.seconds = instant.getEpochSecond();
    t.nanos = instant.getNano();
    return t;
  }

  public long getSeconds() {
    return seconds;
  }

  public void setSeconds(long seconds) {
    this.seconds = seconds;
  }

  public int getNanos() {
    return nanos;
  }

  public void setNanos(int nanos) {
    this.nanos = nanos;
  }
}
