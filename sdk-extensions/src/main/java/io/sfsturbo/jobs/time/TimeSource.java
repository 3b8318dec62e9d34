// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.time;

import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Where the SDK reads time, times its delays and draws the jitter that spreads them: the one time
 * abstraction of a client and its waiters (gax's {@code ApiClock} plays this part in Google's
 * clients). Production code keeps the default, {@link #system()}; a test installs the test kit's
 * {@code VirtualTime}, in which a 30-minute wait, sync or async, takes milliseconds.
 *
 * <pre>{@code
 * SfsTurboJobsClient.builder().timeSource(TimeSource.system(myScheduler))   // own scheduler thread(s)
 * }</pre>
 *
 * <p>What reads it: deadlines and elapsed times ({@link #nanoTime()}); request signatures, checkpoints
 * and {@code Retry-After} dates ({@link #now()}); the pause between two tries of a call or two polls of a
 * wait, sync or async ({@link #schedule}); the jitter of every backoff ({@link #jitter()}). Not what bounds
 * one HTTP attempt while it is in flight: that bound is real time, whatever this source says, since a
 * socket waits in real time.
 *
 * <p>Implementations are thread-safe; {@link #schedule} must not run the task on the calling thread.
 */
public interface TimeSource {
  /**
   * Returns the system's time, scheduling on one small scheduler shared by all clients (daemon
   * threads named {@code sfsturbo-scheduler-N}), and {@code ThreadLocalRandom} jitter.
   *
   * @return the system time source
   */
  static TimeSource system() {
    return SystemTimeSource.SHARED;
  }

  /**
   * Returns the system's time, scheduling on the given executor, which the SDK never shuts down.
   *
   * @param scheduler times the delays; it only times work, so one thread serves many waits
   * @return the time source
   */
  static TimeSource system(ScheduledExecutorService scheduler) {
    return new SystemTimeSource(scheduler);
  }

  /**
   * Returns a monotonic reading for measuring spans: deadlines are measured with it, so that a step of
   * the wall clock (NTP, a VM resume) cannot stretch or cut a budget.
   *
   * @return nanoseconds from an arbitrary origin, comparable only with other readings of this source
   */
  long nanoTime();

  /**
   * Returns the wall-clock time: what a request's signature, a wait's checkpoint and an HTTP date mean.
   *
   * @return the current instant
   */
  Instant now();

  /**
   * Runs a task once after a delay, on a thread other than the caller's.
   *
   * @param task what to run
   * @param delay zero or more
   * @param unit the delay's unit
   * @return a handle whose {@code cancel(false)} stops the task if it has not started
   * @throws java.util.concurrent.RejectedExecutionException when the source can no longer schedule
   */
  ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit);

  /**
   * Draws the jitter of one backoff delay.
   *
   * @return a number in [0, 1)
   */
  double jitter();
}
