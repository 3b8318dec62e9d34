// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testkit;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.waiter.JobWaiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Time that passes only when the SDK waits: a synchronous call's retry delay or a synchronous wait's
 * poll interval moves the clock on at once, and is recorded. A 30-minute wait then takes
 * milliseconds, and a test can check every delay the SDK chose.
 *
 * <pre>{@code
 * VirtualTime time = VirtualTime.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
 * SfsTurboJobsClient client = time.applyTo(emulator.clientBuilder()).build();
 * WaitResult r = time.applyTo(client.waiterBuilder()).build().waitFor(jobId, options);
 * assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(3)), time.sleeps());
 * }</pre>
 *
 * <p>Asynchronous waits are timed by a scheduler, not by this clock. Thread-safe.
 */
public final class VirtualTime {
  private final MutableClock clock;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  private VirtualTime(Instant start) {
    this.clock = new MutableClock(start);
  }

  /**
   * Returns virtual time starting at an instant.
   *
   * @param start the first instant the clock shows
   * @return the time
   */
  public static VirtualTime startingAt(Instant start) {
    return new VirtualTime(start);
  }

  /** Returns the clock, which moves only when the SDK waits or a test calls {@link #advance}. */
  public MutableClock clock() {
    return clock;
  }

  /**
   * Moves the clock on, as if time had passed outside the SDK.
   *
   * @param duration how far
   * @return the new time
   */
  public Instant advance(Duration duration) {
    return clock.advance(duration);
  }

  /** Returns every pause the SDK made so far, in order: a copy. */
  public List<Duration> sleeps() {
    return new ArrayList<>(sleeps);
  }

  private void pause(Duration duration) {
    sleeps.add(duration);
    clock.advance(duration);
  }

  /**
   * Makes a client's clock and synchronous pauses this virtual time.
   *
   * @param builder the client builder
   * @return the builder
   */
  public SfsTurboJobsClient.Builder applyTo(SfsTurboJobsClient.Builder builder) {
    return TestHooks.pause(TestHooks.clock(builder, clock), this::pause);
  }

  /**
   * Makes a waiter's clock and synchronous pauses this virtual time.
   *
   * @param builder the waiter builder
   * @return the builder
   */
  public JobWaiter.Builder applyTo(JobWaiter.Builder builder) {
    return TestHooks.pause(TestHooks.clock(builder, clock), this::pause);
  }

  @Override
  public String toString() {
    return "VirtualTime{now=" + clock.instant() + ", sleeps=" + sleeps.size() + '}';
  }
}
