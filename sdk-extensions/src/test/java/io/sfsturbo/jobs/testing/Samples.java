// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Values over the whole range of a type for the property tests: the edges that break arithmetic (zero, one,
 * the extremes, the limits the SDK documents and one past them), then seeded random values spread over every
 * order of magnitude, so that a run is repeatable ({@code -Dsamples.seed=...} tries others) and a failure
 * names its value.
 */
public final class Samples {
  /** The seed of every run; the failure message of a property test names the value, not the seed. */
  public static final long SEED = Long.getLong("samples.seed", 20261207L);

  private Samples() {}

  /** Returns a generator seeded for one property, so that properties do not share a sequence. */
  public static Random random(String property) {
    return new Random(SEED ^ property.hashCode());
  }

  /** Durations: the edges, then {@code count} random ones from nanoseconds to the largest, a fifth negative. */
  public static List<Duration> durations(String property, int count) {
    List<Duration> out = new ArrayList<>(Arrays.asList(Duration.ZERO, Duration.ofNanos(1), Duration.ofNanos(-1),
        Duration.ofMillis(1), Duration.ofMillis(1).minusNanos(1), Duration.ofMillis(-1), Duration.ofSeconds(1),
        Duration.ofDays(1), Duration.ofDays(1).plusNanos(1), Duration.ofDays(365), Duration.ofDays(365).plusNanos(1),
        Duration.ofDays(36_500), Duration.ofNanos(Long.MAX_VALUE), Duration.ofNanos(Long.MIN_VALUE),
        Duration.ofMillis(Long.MAX_VALUE), Duration.ofMillis(Long.MIN_VALUE),
        Duration.ofSeconds(Long.MAX_VALUE, 999_999_999), Duration.ofSeconds(Long.MIN_VALUE)));
    Random r = random(property);
    for (int i = 0; i < count; i++) {
      out.add(duration(r));
    }
    return out;
  }

  /** One random duration: a magnitude of 10^0 to 10^28 nanoseconds, a fifth negative. */
  public static Duration duration(Random r) {
    double exponent = r.nextDouble() * 28;
    double nanos = Math.pow(10, exponent);
    long seconds = (long) Math.min(Long.MAX_VALUE, nanos / 1e9);
    long rest = (long) (nanos % 1e9);
    Duration d = Duration.ofSeconds(seconds, rest);
    return r.nextInt(5) == 0 ? d.negated() : d;
  }

  /** A random duration between two, both included, to the millisecond. */
  public static Duration durationBetween(Random r, Duration min, Duration max) {
    long span = max.toMillis() - min.toMillis();
    // Half of the draws near the small end, where schedules are dense; half spread over the whole span.
    double share = r.nextBoolean() ? Math.pow(r.nextDouble(), 6) : r.nextDouble();
    return min.plusMillis((long) (span * share));
  }

  /** Ints: the edges, then {@code count} random ones over the whole range, as often small as large. */
  public static List<Integer> ints(String property, int count) {
    List<Integer> out = new ArrayList<>(Arrays.asList(0, 1, -1, 2, Integer.MAX_VALUE, Integer.MAX_VALUE - 1,
        Integer.MIN_VALUE, Integer.MIN_VALUE + 1));
    Random r = random(property);
    for (int i = 0; i < count; i++) {
      int magnitude = (int) Math.min(Integer.MAX_VALUE, (long) Math.pow(2, r.nextDouble() * 31));
      out.add(r.nextInt(4) == 0 ? -magnitude : magnitude);
    }
    return out;
  }

  /** Longs: the edges, then {@code count} random ones over the whole range. */
  public static List<Long> longs(String property, int count) {
    List<Long> out = new ArrayList<>(Arrays.asList(0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE,
        (long) Integer.MAX_VALUE, (long) Integer.MAX_VALUE + 1, (long) Integer.MIN_VALUE - 1));
    Random r = random(property);
    for (int i = 0; i < count; i++) {
      long magnitude = (long) Math.min(Long.MAX_VALUE, Math.pow(2, r.nextDouble() * 63));
      out.add(r.nextInt(4) == 0 ? -magnitude : magnitude);
    }
    return out;
  }

  /** Doubles: the IEEE edges, then {@code count} random ones from 1e-300 to 1e300 in magnitude. */
  public static List<Double> doubles(String property, int count) {
    List<Double> out = new ArrayList<>(Arrays.asList(0.0, -0.0, 1.0, -1.0, 0.5, 0.5000000000000001, 1e-9,
        Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, Double.NaN,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1 - Math.ulp(1.0), 1 + Math.ulp(1.0)));
    Random r = random(property);
    for (int i = 0; i < count; i++) {
      double magnitude = Math.pow(10, r.nextDouble() * 600 - 300);
      out.add(r.nextInt(4) == 0 ? -magnitude : magnitude);
    }
    return out;
  }
}
