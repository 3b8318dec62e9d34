// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.sfsturbo.jobs.config.ClientOverrideConfiguration;
import io.sfsturbo.jobs.config.HttpConfiguration;
import io.sfsturbo.jobs.retry.AdaptiveRateLimit;
import io.sfsturbo.jobs.retry.Backoff;
import io.sfsturbo.jobs.retry.RetryPolicy;
import io.sfsturbo.jobs.testing.Samples;
import io.sfsturbo.jobs.waiter.WaitCheckpoint;
import io.sfsturbo.jobs.waiter.WaitOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every setting of the SDK's own API over the whole range of its type: each value is either kept exactly
 * (read back unchanged) or refused with an {@link IllegalArgumentException} that names the setting and the
 * value; no other exception, no silent change. What accepted extremes then do on the wire is
 * {@link ExtremeWaitsTest}'s part.
 */
class SettingRangesTest {
  private static final int RANDOM = 400;

  /** A setting: sets a value on a fresh builder, builds, and reads the value back. */
  private static <T> Arguments setting(String name, Function<T, T> setAndRead) {
    return Arguments.of(name, setAndRead);
  }

  static Stream<Arguments> durationSettings() {
    WaitOptions.Builder wide = WaitOptions.builder().maxInterval(Duration.ofDays(365));
    return Stream.of(
        setting("callTimeout", (Duration d) -> ClientOverrideConfiguration.builder().callTimeout(d).build()
            .callTimeout()),
        setting("attemptTimeout", (Duration d) -> ClientOverrideConfiguration.builder().attemptTimeout(d).build()
            .attemptTimeout()),
        setting("callTimeout", (Duration d) -> CallOptions.builder().callTimeout(d).build().callTimeout()),
        setting("attemptTimeout", (Duration d) -> CallOptions.builder().attemptTimeout(d).build().attemptTimeout()),
        setting("connectTimeout", (Duration d) -> HttpConfiguration.builder().connectTimeout(d).build()
            .connectTimeout()),
        setting("readTimeout", (Duration d) -> HttpConfiguration.builder().readTimeout(d).build().readTimeout()),
        setting("initialDelay", (Duration d) -> WaitOptions.builder().initialDelay(d).build().initialDelay()),
        setting("pollInterval", (Duration d) -> wide.pollInterval(d).build().pollInterval()),
        setting("maxInterval", (Duration d) -> WaitOptions.builder().pollInterval(Duration.ofMillis(1))
            .maxInterval(d).build().maxInterval()),
        setting("timeout", (Duration d) -> WaitOptions.builder().timeout(d).build().timeout()),
        setting("notFoundGracePeriod", (Duration d) -> WaitOptions.builder().notFoundGracePeriod(d).build()
            .notFoundGracePeriod()),
        setting("baseDelay", (Duration d) -> RetryPolicy.builder().maxDelay(Duration.ofDays(365)).baseDelay(d)
            .build().baseDelay()),
        setting("maxDelay", (Duration d) -> RetryPolicy.builder().baseDelay(Duration.ZERO).maxDelay(d).build()
            .maxDelay()),
        setting("maxRetryAfter", (Duration d) -> RetryPolicy.builder().maxRetryAfter(d).build().maxRetryAfter()),
        setting("initialDelay", (Duration d) -> Backoff.of(d, 2, Duration.ofDays(365), 0).initialDelay()),
        setting("maxDelay", (Duration d) -> Backoff.of(Duration.ZERO, 2, d, 0).maxDelay()),
        setting("nextDelay", (Duration d) -> checkpoint().nextDelay(d).build().nextDelay()));
  }

  static Stream<Arguments> intSettings() {
    return Stream.of(
        setting("maxAttempts", (Integer n) -> WaitOptions.builder().maxAttempts(n).build().maxAttempts()),
        setting("maxConsecutiveTransientErrors", (Integer n) -> WaitOptions.builder()
            .maxConsecutiveTransientErrors(n).build().maxConsecutiveTransientErrors()),
        setting("maxAttempts", (Integer n) -> RetryPolicy.builder().maxAttempts(n).build().maxAttempts()),
        setting("polls", (Integer n) -> checkpoint().polls(n).build().polls()),
        setting("scheduleStep", (Integer n) -> checkpoint().scheduleStep(n).build().scheduleStep()),
        setting("consecutiveFailures", (Integer n) -> checkpoint().consecutiveFailures(n).build()
            .consecutiveFailures()));
  }

  static Stream<Arguments> doubleSettings() {
    return Stream.of(
        setting("backoffMultiplier", (Double m) -> WaitOptions.builder().backoffMultiplier(m).build()
            .backoffMultiplier()),
        setting("jitter", (Double j) -> WaitOptions.builder().jitter(j).build().jitter()),
        setting("multiplier", (Double m) -> Backoff.of(Duration.ZERO, m, Duration.ofDays(1), 0).multiplier()),
        setting("jitter", (Double j) -> Backoff.of(Duration.ZERO, 2, Duration.ofDays(1), j).jitter()),
        setting("decreaseFactor", (Double f) -> AdaptiveRateLimit.builder().decreaseFactor(f).build()
            .decreaseFactor()),
        setting("minRequestsPerSecond", (Double r) -> AdaptiveRateLimit.builder().maxRequestsPerSecond(0)
            .minRequestsPerSecond(r).build().minRequestsPerSecond()),
        setting("maxRequestsPerSecond", (Double r) -> AdaptiveRateLimit.builder().minRequestsPerSecond(Double.MIN_VALUE)
            .maxRequestsPerSecond(r).build().maxRequestsPerSecond()));
  }

  static Stream<Arguments> longSettings() {
    return Stream.of(setting("maxResponseBytes", (Long n) -> HttpConfiguration.builder().maxResponseBytes(n).build()
        .maxResponseBytes()));
  }

  static Stream<Arguments> instantSettings() {
    return Stream.of(
        setting("startedAt", (Instant t) -> checkpoint().startedAt(t).takenAt(t).build().startedAt()),
        setting("takenAt", (Instant t) -> checkpoint().startedAt(Instant.EPOCH).takenAt(t).build().takenAt()));
  }

  private static WaitCheckpoint.Builder checkpoint() {
    Instant t = Instant.parse("2026-12-07T00:00:00Z");
    return WaitCheckpoint.builder().jobId("job-1").startedAt(t).takenAt(t).nextDelay(Duration.ZERO)
        .options(WaitOptions.defaults());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("durationSettings")
  void everyDurationIsKeptOrRefusedByName(String name, Function<Duration, Duration> setting) {
    holds(name, Samples.durations(name, RANDOM), setting);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("intSettings")
  void everyCountIsKeptOrRefusedByName(String name, Function<Integer, Integer> setting) {
    holds(name, Samples.ints(name, RANDOM), setting);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("doubleSettings")
  void everyFactorIsKeptOrRefusedByName(String name, Function<Double, Double> setting) {
    holds(name, Samples.doubles(name, RANDOM), setting);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("longSettings")
  void everySizeIsKeptOrRefusedByName(String name, Function<Long, Long> setting) {
    holds(name, Samples.longs(name, RANDOM), setting);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("instantSettings")
  void everyInstantIsKeptOrRefusedByName(String name, Function<Instant, Instant> setting) {
    List<Instant> instants = new java.util.ArrayList<>(java.util.Arrays.asList(Instant.MIN, Instant.MAX,
        Instant.EPOCH, Instant.EPOCH.minusNanos(1), Instant.parse("9999-12-31T23:59:59.999Z"),
        Instant.parse("9999-12-31T23:59:59.999Z").plusMillis(1), Instant.ofEpochMilli(Long.MAX_VALUE),
        Instant.ofEpochMilli(Long.MIN_VALUE)));
    for (Long millis : Samples.longs(name, RANDOM)) {
      instants.add(Instant.ofEpochMilli(millis));
    }
    holds(name, instants, setting);
  }

  private static <T> void holds(String name, List<T> values, Function<T, T> setting) {
    int kept = 0;
    int refused = 0;
    for (T value : values) {
      T back;
      try {
        back = setting.apply(value);
      } catch (IllegalArgumentException e) {
        String message = String.valueOf(e.getMessage());
        assertTrue(message.contains(name), () -> name + " = " + value + ": the message does not name the setting: "
            + message);
        assertTrue(message.contains(String.valueOf(value)) || message.contains("NaN"),
            () -> name + " = " + value + ": the message does not say the value: " + message);
        refused++;
        continue;
      } catch (RuntimeException e) {
        throw new AssertionError(name + " = " + value + " threw an undocumented " + e, e);
      }
      if (value instanceof Double) {
        // -0.0 and 0.0 are one value to every reader of a factor.
        assertEquals(((Double) value).doubleValue(), ((Double) back).doubleValue(), 0.0, name + " = " + value);
      } else {
        assertEquals(value, back, () -> name + " = " + value + " was changed");
      }
      kept++;
    }
    if (kept == 0 || refused == 0) {
      fail(name + ": the samples should both pass and fail the check (" + kept + " kept, " + refused + " refused)");
    }
  }
}
