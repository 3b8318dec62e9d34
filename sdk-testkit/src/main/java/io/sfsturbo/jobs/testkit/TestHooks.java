// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testkit;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.internal.TestSeam;
import io.sfsturbo.jobs.waiter.JobWaiter;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Replaces, for a test, what the SDK's builders do not let production code set: the clock, how a
 * synchronous call or wait pauses, the jitter draws, and the environment variables read for
 * defaults. {@link VirtualTime} combines the first two into time that passes only when the SDK waits.
 *
 * <pre>{@code
 * SfsTurboJobsClient.Builder b = TestHooks.environment(SfsTurboJobsClient.builder(), fakeEnv);
 * JobWaiter w = TestHooks.jitter(client.waiterBuilder(), () -> 0.5).build();
 * }</pre>
 */
public final class TestHooks {
  private TestHooks() {}

  /** How a synchronous wait pauses: a test's replacement for {@link Thread#sleep(long)}. */
  @FunctionalInterface
  public interface Pause {
    /**
     * Pauses, or pretends to.
     *
     * @param duration how long the SDK asked to wait
     * @throws InterruptedException to simulate an interrupt during the wait
     */
    void pause(Duration duration) throws InterruptedException;
  }

  /**
   * Sets the clock that deadlines, durations and signatures read.
   *
   * @param builder the client builder
   * @param clock the clock
   * @return the builder
   */
  public static SfsTurboJobsClient.Builder clock(SfsTurboJobsClient.Builder builder, Clock clock) {
    TestSeam.of(builder).clock(clock);
    return builder;
  }

  /**
   * Sets the clock of a waiter.
   *
   * @param builder the waiter builder
   * @param clock the clock
   * @return the builder
   */
  public static JobWaiter.Builder clock(JobWaiter.Builder builder, Clock clock) {
    TestSeam.of(builder).clock(clock);
    return builder;
  }

  /**
   * Sets how a client's synchronous calls pause between attempts.
   *
   * @param builder the client builder
   * @param pause the pause
   * @return the builder
   */
  public static SfsTurboJobsClient.Builder pause(SfsTurboJobsClient.Builder builder, Pause pause) {
    TestSeam.of(builder).sleeper(pause::pause);
    return builder;
  }

  /**
   * Sets how a waiter's synchronous waits pause between polls.
   *
   * @param builder the waiter builder
   * @param pause the pause
   * @return the builder
   */
  public static JobWaiter.Builder pause(JobWaiter.Builder builder, Pause pause) {
    TestSeam.of(builder).sleeper(pause::pause);
    return builder;
  }

  /**
   * Sets the jitter draws of a client's retries (numbers in [0, 1)).
   *
   * @param builder the client builder
   * @param jitter the draws
   * @return the builder
   */
  public static SfsTurboJobsClient.Builder jitter(SfsTurboJobsClient.Builder builder, DoubleSupplier jitter) {
    TestSeam.of(builder).jitter(jitter);
    return builder;
  }

  /**
   * Sets the jitter draws of a waiter's polls (numbers in [0, 1)).
   *
   * @param builder the waiter builder
   * @param jitter the draws
   * @return the builder
   */
  public static JobWaiter.Builder jitter(JobWaiter.Builder builder, DoubleSupplier jitter) {
    TestSeam.of(builder).jitter(jitter);
    return builder;
  }

  /**
   * Sets the environment variables the client reads for default credentials and project id, in
   * place of the process's.
   *
   * @param builder the client builder
   * @param environment the variables
   * @return the builder
   */
  public static SfsTurboJobsClient.Builder environment(SfsTurboJobsClient.Builder builder,
      Map<String, String> environment) {
    TestSeam.of(builder).environment(environment);
    return builder;
  }
}
