// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testkit;

import io.sfsturbo.jobs.time.TimeSource;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * The system's time with jitter draws of a test's choosing: for a test against a real (or emulated) server
 * in real time whose delays must nevertheless repeat from run to run. {@link VirtualTime} fixes the jitter
 * too, and moreover makes the delays instant.
 *
 * <pre>{@code
 * SfsTurboJobsClient client = emulator.clientBuilder().timeSource(FixedJitterTime.of(() -> 0.5)).build();
 * }</pre>
 */
public final class FixedJitterTime implements TimeSource {
  private final TimeSource system = TimeSource.system();
  private final DoubleSupplier draws;

  private FixedJitterTime(DoubleSupplier draws) {
    this.draws = draws;
  }

  /**
   * Returns the system's time with these jitter draws.
   *
   * @param draws numbers in [0, 1)
   * @return the time source
   */
  public static FixedJitterTime of(DoubleSupplier draws) {
    return new FixedJitterTime(Objects.requireNonNull(draws, "draws"));
  }

  @Override
  public long nanoTime() {
    return system.nanoTime();
  }

  @Override
  public Instant now() {
    return system.now();
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
    return system.schedule(task, delay, unit);
  }

  @Override
  public double jitter() {
    return draws.getAsDouble();
  }
}
