package io.ocmj.testing;

import java.util.List;

/** Percentiles of benchmark samples, nearest-rank. */
public final class Percentiles {
  private Percentiles() {}

  /** The {@code p}-th percentile of {@code sorted} (ascending), by the nearest-rank method. */
  public static double of(List<Double> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
