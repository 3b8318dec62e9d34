// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import io.sfsturbo.jobs.internal.http.Exchange;
import io.sfsturbo.jobs.retry.RetryPolicy;
import io.sfsturbo.jobs.time.TimeSource;
import java.time.Duration;
import java.util.function.Function;

/**
 * Makes a client's loops: what they share (its time source, its running loops, its rate limiter, its
 * retry policy and attempt bound) and how one try of its operation is made for a resource id. Plain calls
 * and waits both get their {@link AttemptLoop} here, so that one deadline, one close and one way of
 * trying serve them all.
 *
 * @param <T> what one try of the operation yields
 */
public final class LoopFactory<T> {
  private final TimeSource time;
  private final RunningLoops running = new RunningLoops();
  private final Function<String, Exchange<T>> exchanges;
  private final Duration attemptTimeout;
  private final RetryPolicy retryPolicy;
  private final RateLimiter limiter;

  /**
   * Creates the factory of a client; its loops share one rate limiter.
   *
   * @param time the client's time
   * @param exchanges makes one try for a resource id
   * @param attemptTimeout the default bound of one try
   * @param retryPolicy how failed tries are tried again
   * @param limiter paces every try of every loop of this client
   */
  public LoopFactory(TimeSource time, Function<String, Exchange<T>> exchanges, Duration attemptTimeout,
      RetryPolicy retryPolicy, RateLimiter limiter) {
    this.time = time;
    this.exchanges = exchanges;
    this.attemptTimeout = attemptTimeout;
    this.retryPolicy = retryPolicy;
    this.limiter = limiter;
  }

  /**
   * Returns a new loop on the client's time, not yet started.
   *
   * @param id the resource the tries are about
   * @param decider the loop's decisions
   * @param budget the whole loop's deadline, from now; any length
   * @param attemptTimeout the bound of one try (the time left bounds it too)
   * @param <R> the loop's result
   * @return the loop; start it with {@link AttemptLoop#run(long)} or {@link AttemptLoop#start(long)}
   */
  public <R> AttemptLoop<T, R> newLoop(String id, Decider<T, R> decider, Duration budget, Duration attemptTimeout) {
    return newLoop(id, decider, budget, attemptTimeout, time);
  }

  /**
   * Returns a new loop timed by another time source (a waiter built with its own).
   *
   * @param id the resource the tries are about
   * @param decider the loop's decisions
   * @param budget the whole loop's deadline, from now; any length
   * @param attemptTimeout the bound of one try
   * @param loopTime the loop's time
   * @param <R> the loop's result
   * @return the loop
   */
  public <R> AttemptLoop<T, R> newLoop(String id, Decider<T, R> decider, Duration budget, Duration attemptTimeout,
      TimeSource loopTime) {
    return new AttemptLoop<>(exchanges.apply(id), decider, loopTime, running, budget, attemptTimeout, limiter);
  }

  /** Returns how failed tries are tried again unless a call sets its own policy. */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** Returns the default bound of one try. */
  public Duration attemptTimeout() {
    return attemptTimeout;
  }

  /** Returns the client's time. */
  public TimeSource time() {
    return time;
  }

  /** Returns the running loops, to close them with the client. */
  public RunningLoops running() {
    return running;
  }
}
