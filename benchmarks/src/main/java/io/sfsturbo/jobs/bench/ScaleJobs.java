// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.bench;

import io.sfsturbo.jobs.waiter.WaitOptions;
import java.time.Duration;
import java.util.SplittableRandom;

/** What both sides of the scale run agree on: the jobs' ids and end times, and the ideal poll count. */
final class ScaleJobs {
  static final String PROJECT = "p";
  static final String TOKEN = "scale-token";

  private ScaleJobs() {}

  static String jobId(int i) {
    return "job-" + i;
  }

  /** Each job's end, in emulated milliseconds after it was added: uniform in [1, window]. */
  static long[] endMillis(int jobs, long seed, long windowMillis) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] ends = new long[jobs];
    for (int i = 0; i < jobs; i++) {
      ends[i] = 1 + random.nextLong(windowMillis);
    }
    return ends;
  }

  /**
   * When each wait starts, in emulated milliseconds after GO: evenly over the ramp (0: all at once).
   */
  static long[] startMillis(int jobs, long rampMillis) {
    long[] starts = new long[jobs];
    for (int i = 0; i < jobs; i++) {
      starts[i] = rampMillis * i / jobs;
    }
    return starts;
  }

  /**
   * Each job's end, in emulated milliseconds after the jobs were added (GO): its wait's start
   * plus {@code minMillis} plus a uniform draw in [1, window].
   */
  static long[] endMillis(int jobs, long seed, long windowMillis, long rampMillis, long minMillis) {
    long[] ends = endMillis(jobs, seed, windowMillis);
    long[] starts = startMillis(jobs, rampMillis);
    for (int i = 0; i < jobs; i++) {
      ends[i] += starts[i] + minMillis;
    }
    return ends;
  }

  /**
   * The polls a perfect poller with the same schedule needs to see a job that ends {@code endMillis}
   * (wall) after the wait starts: polls at initialDelay, then after pollInterval, growing by the
   * multiplier up to maxInterval, with no jitter and no request latency; the first poll at or
   * after the end sees it. The interval arithmetic is the waiter's (whole milliseconds, truncated).
   */
  static int idealPolls(WaitOptions o, double endMillis) {
    return (int) schedule(o, endMillis)[0];
  }

  /** How long after the end the perfect poller sees it (ms). */
  static double idealLagMillis(WaitOptions o, double endMillis) {
    return schedule(o, endMillis)[1] - endMillis;
  }

  /** Returns {polls, time of the poll that sees the end}. */
  private static double[] schedule(WaitOptions o, double endMillis) {
    double t = o.initialDelay().toMillis();
    long interval = o.pollInterval().toMillis();
    long max = o.maxInterval().toMillis();
    int polls = 1;
    while (t < endMillis) {
      t += interval;
      interval = Math.min((long) (interval * o.backoffMultiplier()), max);
      polls++;
    }
    return new double[] {polls, t};
  }

  /** Scales a duration of emulated time down to wall time. */
  static Duration scaled(Duration d, double factor) {
    return Duration.ofNanos((long) (d.toNanos() / factor));
  }

  /** The waiter's default options with every duration scaled by the same factor. */
  static WaitOptions scaledDefaults(double factor) {
    WaitOptions defaults = WaitOptions.defaults();
    return WaitOptions.builder()
        .initialDelay(scaled(defaults.initialDelay(), factor))
        .pollInterval(scaled(defaults.pollInterval(), factor))
        .backoffMultiplier(defaults.backoffMultiplier())
        .maxInterval(scaled(defaults.maxInterval(), factor))
        .jitter(defaults.jitter())
        .timeout(scaled(defaults.timeout(), factor))
        .build();
  }

  /** The p-quantile of sorted values, NaN for none. */
  static double pct(double[] sorted, double p) {
    return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
  }

  /** The value of {@code name=value} in a space-separated result line. */
  static String field(String line, String name) {
    for (String part : line.split(" ")) {
      if (part.startsWith(name + "=")) {
        return part.substring(name.length() + 1);
      }
    }
    throw new IllegalStateException("no " + name + " in " + line);
  }

  /**
   * Whether a wait completed with a result; a failed or unfinished one is counted in {@code failures}
   * under its exception's simple name, or {@code still pending}.
   */
  static boolean completed(java.util.concurrent.CompletableFuture<?> wait, java.util.Map<String, Integer> failures) {
    if (wait.isDone() && !wait.isCompletedExceptionally()) {
      return true;
    }
    if (wait.isDone()) {
      try {
        wait.join();
      } catch (RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        failures.merge(cause.getClass().getSimpleName(), 1, Integer::sum);
      }
    } else {
      failures.merge("still pending", 1, Integer::sum);
    }
    return false;
  }
}
