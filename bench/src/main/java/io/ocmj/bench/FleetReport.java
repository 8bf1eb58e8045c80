package io.ocmj.bench;

import io.ocmj.bench.FleetBenchmark.Result;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Renders fleet benchmark results: a markdown table and a PNG of latency against N. */
final class FleetReport {
  private FleetReport() {}

  static String markdown(Collection<Result> results) {
    StringBuilder b = new StringBuilder();
    b.append("| N | register: all Joined | clusters/min | hub CPU during join")
        .append(" | steady: hub CPU-s/min | steady: API requests/s by verb")
        .append(" | push → Applied p50 / p95 / p99 / max | push → Compliant p50 / p95 / p99 / max")
        .append(" | hub RSS (peak) | fleet JVM RSS | steady: simulator CPU-s/min")
        .append(" | simulator threads: steady (peak) | etcd size")
        .append(" | measured |\n");
    b.append(
        "| ---: | ---: | ---: | ---: | ---: | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
    for (Result r : results) {
      b.append(
          String.format(
              Locale.ROOT,
              "| %d | %.1f s | %.0f | %.1f CPU-s | %.1f (window %.0f min) | %s | %s | %s"
                  + " | %d MiB (%d MiB) | %d MiB | %s | %s | %.1f MiB | %s |%n",
              r.clusters(),
              r.registerSeconds(),
              r.clustersPerMinute(),
              r.hubCpuSecondsDuringJoin(),
              r.hubCpuSecondsPerSteadyMinute(),
              r.steadyMinutes(),
              verbs(r.apiRequestsPerSecondByVerb()),
              latency(r.pushToApplied()),
              latency(r.pushToCompliant()),
              r.hubRssMib(),
              r.hubPeakRssMib(),
              r.fleetJvmRssMib(),
              r.steadyManagedBusiestRequestsPerSecond() == null
                  ? "–" // measured before the simulator's CPU was recorded
                  : String.format(Locale.ROOT, "%.1f", r.simulatorCpuSecondsPerSteadyMinute()),
              r.simulatorThreads() == 0
                  ? "–" // measured before threads were recorded
                  : r.simulatorThreads() + " (" + r.simulatorPeakThreads() + ")",
              r.etcdBytes() / 1048576.0,
              r.measuredAt().substring(0, 10)));
    }
    return b.toString();
  }

  private static String verbs(Map<String, Double> rates) {
    StringBuilder b = new StringBuilder();
    rates.forEach(
        (verb, rate) -> {
          if (rate > 0) {
            b.append(b.length() == 0 ? "" : ", ")
                .append(verb)
                .append(' ')
                .append(String.format(Locale.ROOT, "%.1f", rate));
          }
        });
    return b.toString();
  }

  private static String latency(Map<String, Double> s) {
    return String.format(
        Locale.ROOT,
        "%.2f / %.2f / %.2f / %.2f s",
        s.get("p50_ms") / 1000,
        s.get("p95_ms") / 1000,
        s.get("p99_ms") / 1000,
        s.get("max_ms") / 1000);
  }

  static void plot(Collection<Result> results, Path png) throws IOException {
    System.setProperty("java.awt.headless", "true");
    XYChart chart =
        new XYChartBuilder()
            .width(900)
            .height(540)
            .title("ocmj: one commit to N simulated clusters (2 cores)")
            .xAxisTitle("clusters (N)")
            .yAxisTitle("seconds after the push")
            .build();
    List<Double> n = results.stream().map(r -> (double) r.clusters()).toList();
    series(chart, n, results, "Applied p50", r -> r.pushToApplied().get("p50_ms"));
    series(chart, n, results, "Applied p99", r -> r.pushToApplied().get("p99_ms"));
    series(chart, n, results, "Compliant p50", r -> r.pushToCompliant().get("p50_ms"));
    series(chart, n, results, "Compliant p99", r -> r.pushToCompliant().get("p99_ms"));
    series(chart, n, results, "Compliant max", r -> r.pushToCompliant().get("max_ms"));
    BitmapEncoder.saveBitmap(
        chart, png.toString().replaceFirst("\\.png$", ""), BitmapEncoder.BitmapFormat.PNG);
  }

  private static void series(
      XYChart chart,
      List<Double> n,
      Collection<Result> results,
      String name,
      Function<Result, Double> ms) {
    chart
        .addSeries(name, n, results.stream().map(r -> ms.apply(r) / 1000).toList())
        .setMarker(SeriesMarkers.CIRCLE);
  }
}
