// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import io.sfsturbo.jobs.retry.RetryPolicy;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * A client's engine: its time, its scheduler and its running loops, and how to
 * make one try of its operation for a resource id. Plain calls and waits both build their
 * {@link Loop} here, so that one deadline, one close and one way of trying serve them all.
 *
 * @param <T> what one try of the operation yields
 */
public final class Engine<T> {
  private final Ticker ticker;
  private final Scheduler scheduler;
  private final Scope scope = new Scope();
  private final Function<String, Attempt<T>> attempts;
  private final Duration attemptTimeout;
  private final RetryPolicy retryPolicy;
  private final DoubleSupplier random;
  private final RateLimiter limiter;

  /**
   * Creates an engine; its loops share one rate limiter.
   *
   * @param ticker time for deadlines and sync pauses
   * @param scheduler times async tries and the watchdog's sweeps
   * @param attempts makes one try for a resource id
   * @param attemptTimeout the default bound of one try
   * @param retryPolicy how transient failures are tried again
   * @param random draws jitter in [0, 1)
   * @param limiter paces every try of every loop of this engine
   */
  public Engine(Ticker ticker, Scheduler scheduler, Function<String, Attempt<T>> attempts,
      Duration attemptTimeout, RetryPolicy retryPolicy, DoubleSupplier random, RateLimiter limiter) {
    this.limiter = limiter;
    this.retryPolicy = retryPolicy;
    this.random = random;
    this.ticker = ticker;
    this.scheduler = scheduler;
    this.attempts = attempts;
    this.attemptTimeout = attemptTimeout;
  }

  /**
   * Returns a new loop, not yet started.
   *
   * @param id the resource the tries are about
   * @param strategy the loop's decisions
   * @param budget the whole loop's deadline, from now
   * @param attemptTimeout the bound of one try (the time left bounds it too)
   * @param <R> the loop's result
   * @return the loop; start it with {@link Loop#run(long)} or {@link Loop#start(long)}
   */
  public <R> Loop<T, R> loop(String id, Strategy<T, R> strategy, Duration budget, Duration attemptTimeout) {
    return loop(id, strategy, budget, attemptTimeout, ticker, scheduler);
  }

  /**
   * Returns a new loop timed by another ticker and scheduler (a waiter built with its own).
   *
   * @param id the resource the tries are about
   * @param strategy the loop's decisions
   * @param budget the whole loop's deadline, from now
   * @param attemptTimeout the bound of one try
   * @param ticker the loop's time
   * @param scheduler times the loop's async tries
   * @param <R> the loop's result
   * @return the loop
   */
  public <R> Loop<T, R> loop(String id, Strategy<T, R> strategy, Duration budget, Duration attemptTimeout,
      Ticker ticker, Scheduler scheduler) {
    return new Loop<>(attempts.apply(id), strategy, ticker, scheduler, scope, budget, attemptTimeout, limiter);
  }

  /** Returns how transient failures are tried again. */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** Returns the source of jitter, numbers in [0, 1). */
  public DoubleSupplier random() {
    return random;
  }

  /** Returns the default bound of one try. */
  public Duration attemptTimeout() {
    return attemptTimeout;
  }

  /** Returns the engine's ticker. */
  public Ticker ticker() {
    return ticker;
  }

  /** Returns the engine's scheduler. */
  public Scheduler scheduler() {
    return scheduler;
  }

  /** Returns the running loops of the client, to close them with it. */
  public Scope scope() {
    return scope;
  }

  /**
   * How code outside the client's package reaches a client's engine without a public method on
   * the client (the pattern of OkHttp's {@code Internal}): the client installs the accessor when
   * its class initializes.
   */
  public static final class Access {
    private static volatile Function<Object, Engine<?>> accessor;

    private Access() {}

    /**
     * Installs the accessor; called once by the client class.
     *
     * @param a maps a client to its engine
     */
    public static void install(Function<Object, Engine<?>> a) {
      accessor = a;
    }

    /**
     * Returns a client's engine.
     *
     * @param client the client (its class is initialized, since an instance exists)
     * @return its engine
     */
    public static Engine<?> of(Object client) {
      return accessor.apply(client);
    }
  }

  /**
   * Lets the client make waiters while the waiter package knows nothing of the client: the
   * client sits above the features, and a package cycle between them would tie them together.
   */
  public static final class Waiters {
    private static volatile Function<Object, Object> factory;

    private Waiters() {}

    /**
     * Installs the factory; called once by the waiter class.
     *
     * @param f maps a client to a new waiter builder
     */
    public static void install(Function<Object, Object> f) {
      factory = f;
    }

    /**
     * Returns a new waiter builder for a client.
     *
     * @param client the client
     * @return the builder
     */
    public static Object builder(Object client) {
      return factory.apply(client);
    }
  }
}
