// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link OverheadBenchmark} (its three methods in one JMH run, each in a fork of the same
 * configuration) with JMH's allocation profiler for absolute times and bytes per call, then times
 * the three in alternating rounds in one JVM for the ratios, and writes
 * {@code overhead: sdk/raw=<ratio> aksk/raw=<ratio>} to the file given as the first argument, followed by
 * {@code overhead-micrometer: sdk/raw=<ratio>} and {@code overhead-otel: sdk/raw=<ratio>}: the SDK with each
 * telemetry adapter installed, over the same raw call in the same rounds.
 *
 * <p>System properties: {@code bench.forks} (1), {@code bench.warmups} (5), {@code bench.iterations}
 * (5), {@code bench.seconds} (2, per iteration), {@code bench.include} (a regex of method names,
 * {@code (raw|sdk|aksk)}), {@code bench.rounds} (40) and {@code bench.roundCalls} (300) for the
 * alternating rounds; {@code bench.roundsOnly} (false) runs only those rounds.
 */
public final class OverheadMain {
  private OverheadMain() {}

  /**
   * The ratios that the overhead line reports: the three calls timed in alternating rounds in one
   * JVM against one server, so that the load of a shared machine (which moves JMH's separate
   * forks by tens of percent) falls on all three alike. Each round times {@code bench.roundCalls}
   * calls of each kind, in a rotating order; the result is the median of the per-round ratios.
   */
  static double[] alternatingRatios() throws IOException {
    int rounds = Integer.getInteger("bench.rounds", 40);
    int calls = Integer.getInteger("bench.roundCalls", 300);
    OverheadBenchmark b = new OverheadBenchmark();
    b.start();
    try {
      // raw, sdk, aksk, then the SDK with each telemetry adapter: all against the same raw call.
      java.util.List<java.util.concurrent.Callable<Object>> kinds = java.util.Arrays.asList(b::raw, b::sdk, b::aksk,
          b::sdkMicrometer, b::sdkOtel);
      int n = kinds.size();
      for (java.util.concurrent.Callable<Object> kind : kinds) {
        time(kind, 3000);
      }
      double[][] ratios = new double[n - 1][rounds];
      // Each adapter over the plain SDK in the same round: the adapter's own cost, apart from the SDK's.
      double[][] overSdk = new double[2][rounds];
      double[][] micros = new double[n][rounds];
      // The calling thread's CPU per call (sdk and aksk over raw): unlike wall time, it does not
      // count the time the thread waits for the server or for a core that another process holds.
      double[][] cpuRatios = new double[2][rounds];
      double[][] cpuMicros = new double[3][rounds];
      for (int r = 0; r < rounds; r++) {
        long[] nanos = new long[n];
        long[] cpu = new long[n];
        for (int k = 0; k < n; k++) {
          int which = (r + k) % n;
          long cpuStart = THREADS.getCurrentThreadCpuTime();
          nanos[which] = time(kinds.get(which), calls);
          cpu[which] = THREADS.getCurrentThreadCpuTime() - cpuStart;
        }
        cpuRatios[0][r] = (double) cpu[1] / cpu[0];
        cpuRatios[1][r] = (double) cpu[2] / cpu[0];
        for (int k = 0; k < 3; k++) {
          cpuMicros[k][r] = cpu[k] / 1e3 / calls;
        }
        for (int k = 1; k < n; k++) {
          ratios[k - 1][r] = (double) nanos[k] / nanos[0];
        }
        overSdk[0][r] = (double) nanos[3] / nanos[1];
        overSdk[1][r] = (double) nanos[4] / nanos[1];
        for (int k = 0; k < n; k++) {
          micros[k][r] = nanos[k] / 1e3 / calls;
        }
        if (r % 10 == 9) {
          try {
            b.drainRecordedRequests();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }
      for (double[][] table : new double[][][] {ratios, overSdk, micros, cpuRatios, cpuMicros}) {
        for (double[] kind : table) {
          java.util.Arrays.sort(kind);
        }
      }
      System.out.printf(Locale.ROOT, "alternating rounds: %d x %d calls each; sdk/raw quartiles %.3f %.3f %.3f; "
          + "aksk/raw quartiles %.3f %.3f %.3f%n", rounds, calls, ratios[0][rounds / 4], ratios[0][rounds / 2],
          ratios[0][3 * rounds / 4], ratios[1][rounds / 4], ratios[1][rounds / 2], ratios[1][3 * rounds / 4]);
      System.out.printf(Locale.ROOT, "  with telemetry: micrometer/raw quartiles %.3f %.3f %.3f; "
          + "otel/raw quartiles %.3f %.3f %.3f%n", ratios[2][rounds / 4], ratios[2][rounds / 2],
          ratios[2][3 * rounds / 4], ratios[3][rounds / 4], ratios[3][rounds / 2], ratios[3][3 * rounds / 4]);
      System.out.printf(Locale.ROOT, "  adapter over the plain SDK (medians): micrometer/sdk %.3f, otel/sdk %.3f; "
          + "median µs per call: raw %.1f, sdk %.1f, aksk %.1f, micrometer %.1f, otel %.1f%n",
          overSdk[0][rounds / 2], overSdk[1][rounds / 2], micros[0][rounds / 2], micros[1][rounds / 2],
          micros[2][rounds / 2], micros[3][rounds / 2], micros[4][rounds / 2]);
      System.out.printf(Locale.ROOT, "  calling thread's CPU per call (ThreadMXBean, medians): raw %.1f µs, sdk %.1f µs, "
          + "aksk %.1f µs; sdk/raw quartiles %.3f %.3f %.3f; aksk/raw quartiles %.3f %.3f %.3f%n",
          cpuMicros[0][rounds / 2], cpuMicros[1][rounds / 2], cpuMicros[2][rounds / 2], cpuRatios[0][rounds / 4],
          cpuRatios[0][rounds / 2], cpuRatios[0][3 * rounds / 4], cpuRatios[1][rounds / 4], cpuRatios[1][rounds / 2],
          cpuRatios[1][3 * rounds / 4]);
      double[] medians = new double[n + 1];
      for (int k = 0; k < n - 1; k++) {
        medians[k] = ratios[k][rounds / 2];
      }
      medians[n - 1] = cpuRatios[0][rounds / 2];
      medians[n] = cpuRatios[1][rounds / 2];
      return medians;
    } finally {
      b.stop();
    }
  }

  private static final java.lang.management.ThreadMXBean THREADS = threads();

  private static java.lang.management.ThreadMXBean threads() {
    java.lang.management.ThreadMXBean t = java.lang.management.ManagementFactory.getThreadMXBean();
    if (!t.isCurrentThreadCpuTimeSupported()) {
      throw new IllegalStateException("this JVM cannot measure a thread's CPU time");
    }
    t.setThreadCpuTimeEnabled(true);
    return t;
  }

  private static long time(java.util.concurrent.Callable<Object> call, int n) {
    long start = System.nanoTime();
    Object sink = null;
    for (int i = 0; i < n; i++) {
      try {
        sink = call.call();
      } catch (Exception e) {
        throw new IllegalStateException("a call failed while measuring", e);
      }
    }
    if (sink == null) {
      throw new IllegalStateException("no result");
    }
    return System.nanoTime() - start;
  }

  /**
   * The overhead lines: one per telemetry adapter (the median ratio of the SDK with that adapter
   * over the same raw call, timed in the same rounds), then the wall-time line and the CPU line,
   * last because run.sh's required lines end its output.
   */
  static String lines(double[] alternating) {
    return String.format(Locale.ROOT, "overhead-micrometer: sdk/raw=%.3f%n"
        + "overhead-otel: sdk/raw=%.3f%n"
        + "overhead: sdk/raw=%.3f aksk/raw=%.3f%n"
        + "cpu: sdk/raw=%.3f aksk/raw=%.3f%n", alternating[2], alternating[3], alternating[0], alternating[1],
        alternating[4], alternating[5]);
  }

  public static void main(String[] args) throws RunnerException, IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "target/overhead.txt");
    if (Boolean.getBoolean("bench.roundsOnly")) {
      // Only the alternating rounds (a quick check of the ratios, without JMH's forks).
      System.out.println(AdapterCost.line());
      String lines = lines(alternatingRatios());
      System.out.print(lines);
      Files.createDirectories(out.toAbsolutePath().getParent());
      Files.writeString(out, lines, StandardCharsets.UTF_8);
      return;
    }
    int seconds = Integer.getInteger("bench.seconds", 2);
    Options options = new OptionsBuilder()
        .include(OverheadBenchmark.class.getName() + "\\." + System.getProperty("bench.include", "(raw|sdk|aksk)") + "$")
        .forks(Integer.getInteger("bench.forks", 1))
        .warmupIterations(Integer.getInteger("bench.warmups", 5))
        .warmupTime(TimeValue.seconds(seconds))
        .measurementIterations(Integer.getInteger("bench.iterations", 5))
        .measurementTime(TimeValue.seconds(seconds))
        .timeUnit(TimeUnit.MICROSECONDS)
        .threads(1)
        .jvmArgsAppend("-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn")
        .addProfiler(GCProfiler.class)
        .build();
    Collection<RunResult> results = new Runner(options).run();

    Map<String, Double> score = new HashMap<>();
    System.out.println();
    System.out.println("per-call results (average time, µs/op; allocation, B/op):");
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      name = name.substring(name.lastIndexOf('.') + 1);
      Result<?> primary = r.getPrimaryResult();
      score.put(name, primary.getScore());
      Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
      System.out.printf(Locale.ROOT, "  %-18s %8.2f ± %6.2f µs/op   %8.0f B/op%n", name, primary.getScore(),
          primary.getScoreError(), alloc == null ? Double.NaN : alloc.getScore());
    }
    Double raw = score.get("raw");
    Double sdk = score.get("sdk");
    Double aksk = score.get("aksk");
    if (raw == null || sdk == null || aksk == null) {
      System.out.println("(no overhead line: the run did not include raw, sdk and aksk)");
      return;
    }
    System.out.printf(Locale.ROOT, "JMH ratios (separate forks, one after another): sdk/raw=%.3f aksk/raw=%.3f%n",
        sdk / raw, aksk / raw);
    try {
      System.out.println(CpuCost.measure());
    } catch (Exception e) {
      throw new IllegalStateException("the CPU cost measurement failed", e);
    }
    System.out.println(AdapterCost.line());
    String lines = lines(alternatingRatios());
    System.out.print(lines);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, lines, StandardCharsets.UTF_8);
  }
}
