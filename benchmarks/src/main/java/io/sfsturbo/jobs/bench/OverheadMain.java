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
 * configuration) with JMH's allocation profiler, and writes
 * {@code overhead: sdk/raw=<ratio> aksk/raw=<ratio>} to the file given as the first argument.
 *
 * <p>System properties: {@code bench.forks} (1), {@code bench.warmups} (5), {@code bench.iterations}
 * (5), {@code bench.seconds} (2, per iteration), {@code bench.include} (a regex of method names,
 * {@code (raw|sdk|aksk)}).
 */
public final class OverheadMain {
  private OverheadMain() {}

  public static void main(String[] args) throws RunnerException, IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "target/overhead.txt");
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
    String line = String.format(Locale.ROOT, "overhead: sdk/raw=%.3f aksk/raw=%.3f", sdk / raw, aksk / raw);
    System.out.println(line);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, line + "\n", StandardCharsets.UTF_8);
  }
}
