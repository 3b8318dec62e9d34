// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import io.sfsturbo.jobs.errors.ServiceException;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.errors.ThrottledException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.function.Supplier;

/**
 * The one retry-and-poll loop: tries, asks its {@link Strategy} what the outcome means, waits,
 * tries again, under one deadline that reaches everything. Each try is bounded by the smaller of
 * the try timeout and the time left; a delay is clamped so that a last try still fits before the
 * deadline, and a delay the server asked for that does not fit ends the loop at once. Plain calls
 * and waits, sync and async, are all this loop with different strategies.
 *
 * <p>Driven asynchronously ({@link #start(long)}), no thread is held between tries: delays are
 * timed by the {@link Scheduler}. Driven synchronously ({@link #run(long)}), the same steps run on
 * the caller's thread, which pauses between tries, so that a blocking call pays no thread hand-off.
 *
 * <p>The loop is the future of its own result: cancelling it aborts the try in flight and any
 * pending one.
 *
 * @param <T> what a try yields
 * @param <R> what the loop yields
 */
public final class Loop<T, R> extends CompletableFuture<R> implements Attempt.Callback<T> {
  /** The most time a last try is given before the deadline, when the try timeout allows. */
  static final long FINAL_WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);
  /** 1 while a try is reported started and not yet ended, so that each is ended exactly once. */
  @SuppressWarnings("rawtypes")
  private static final AtomicIntegerFieldUpdater<Loop> TRY_OPEN = AtomicIntegerFieldUpdater.newUpdater(Loop.class,
      "tryOpen");

  private final Attempt<T> attempt;
  private final Strategy<T, R> strategy;
  private final Ticker ticker;
  private final Scheduler scheduler;
  private final Scope scope;
  private final long startNanos;
  private final long deadlineNanos;
  private final long attemptTimeoutNanos;
  private final long latestStartNanos;
  private final RateLimiter limiter;
  /** The limiter's generation when the try in flight was sent. */
  private int sentInGeneration;
  /** Whether the next try already holds its slot of the rate limiter. */
  private boolean admitted;
  /** The limiter's generation when the slot was reserved: a slot of an older rate is reserved again. */
  private int reservedInGeneration;

  private volatile Cancellable inFlight = Cancellable.NONE;
  private volatile Cancellable pending = Cancellable.NONE;
  private volatile Thread syncThread;
  private boolean sync;
  private SfsTurboException lastFailure;
  /** Sync mode: the delay before the next try, set by the step of the try just made; -1 when none. */
  private long nextDelayNanos = -1;
  /** Null unless telemetry is installed: then no probe call is made at all. */
  private Probe<? super T> probe;
  private volatile int tryOpen;
  private int tries;
  private T lastValue;

  Loop(Attempt<T> attempt, Strategy<T, R> strategy, Ticker ticker, Scheduler scheduler, Scope scope,
      Duration budget, Duration attemptTimeout) {
    this(attempt, strategy, ticker, scheduler, scope, budget, attemptTimeout, RateLimiter.NONE);
  }

  Loop(Attempt<T> attempt, Strategy<T, R> strategy, Ticker ticker, Scheduler scheduler, Scope scope,
      Duration budget, Duration attemptTimeout, RateLimiter limiter) {
    this.limiter = limiter;
    this.attempt = attempt;
    this.strategy = strategy;
    this.ticker = ticker;
    this.scheduler = scheduler;
    this.scope = scope;
    this.startNanos = ticker.nanoTime();
    long budgetNanos = saturatedNanos(budget);
    this.deadlineNanos = startNanos + budgetNanos;
    this.attemptTimeoutNanos = saturatedNanos(attemptTimeout);
    long finalWindow = Math.min(FINAL_WINDOW_NANOS, Math.min(attemptTimeoutNanos, budgetNanos / 2));
    this.latestStartNanos = deadlineNanos - finalWindow;
  }

  /**
   * Reports this loop's tries to a probe; call before starting the loop.
   *
   * @param probe the probe, or null for none
   * @return this loop
   */
  public Loop<T, R> observe(Probe<? super T> probe) {
    this.probe = probe;
    return this;
  }

  private static long saturatedNanos(Duration d) {
    // Budgets are capped at builder level; this only keeps arithmetic from overflowing.
    return d.compareTo(Duration.ofDays(365)) > 0 ? TimeUnit.DAYS.toNanos(365) : d.toNanos();
  }

  /**
   * Runs the loop on the calling thread until it ends.
   *
   * @param initialDelayNanos the pause before the first try
   * @return the result
   * @throws SfsTurboException (a subtype) as the strategy decided
   * @throws IllegalStateException when the client is closed
   */
  public R run(long initialDelayNanos) {
    sync = true;
    syncThread = Thread.currentThread();
    scope.enter(this);
    if (probe != null) {
      probe.loopStarted(ticker.nanoTime());
    }
    try {
      long delay = firstDelay(initialDelayNanos);
      while (!isDone()) {
        if (delay > 0 && !pause(delay)) {
          break;
        }
        nextDelayNanos = -1;
        tryOnce();
        if (!isDone() && Thread.currentThread().isInterrupted()) {
          finish(Step.fail(strategy.onInterrupted(new InterruptedException())));
        }
        delay = nextDelayNanos;
      }
    } finally {
      syncThread = null;
      scope.exit(this);
    }
    return result();
  }

  /**
   * Starts the loop without holding the calling thread; this future completes with its result.
   *
   * @param initialDelayNanos the delay before the first try
   * @return this loop, as the future of its result
   * @throws IllegalStateException when the client is closed
   */
  public CompletableFuture<R> start(long initialDelayNanos) {
    scope.enter(this);
    if (probe != null) {
      probe.loopStarted(ticker.nanoTime());
    }
    schedule(firstDelay(initialDelayNanos));
    return this;
  }

  private long firstDelay(long wanted) {
    if (wanted <= 0) {
      return 0;
    }
    long now = ticker.nanoTime();
    return now + wanted <= latestStartNanos ? wanted : Math.max(0, latestStartNanos - now);
  }

  /** Sync: pauses until the delay has passed; returns false when the loop ended meanwhile. */
  private boolean pause(long delayNanos) {
    try {
      ticker.pause(delayNanos, this::isDone);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      finish(Step.fail(strategy.onInterrupted(e)));
    }
    return !isDone();
  }

  private void schedule(long delayNanos) {
    if (isDone()) {
      return;
    }
    if (delayNanos <= 0) {
      tryOnce();
      return;
    }
    try {
      pending = scheduler.schedule(this::tryOnce, delayNanos);
    } catch (RuntimeException rejected) {
      finish(Step.fail(new SfsTurboException("the scheduler refused to time the next try", rejected)));
    }
    if (isDone()) {
      pending.cancel();
    }
  }

  private void tryOnce() {
    if (isDone()) {
      return;
    }
    long left = deadlineNanos - ticker.nanoTime();
    if (left <= 0) {
      finish(expired(null));
      return;
    }
    if (!admitted || reservedInGeneration != limiter.generation()) {
      if (skipped()) {
        return;
      }
      reservedInGeneration = limiter.generation();
      long wait = limiter.reserve();
      // A slot past the last start would cost the try that the deadline still allows: go now.
      if (wait > 0 && ticker.nanoTime() + wait <= latestStartNanos) {
        admitted = true;
        if (sync) {
          if (pause(wait)) {
            tryOnce();
          }
        } else {
          schedule(wait);
        }
        return;
      }
    }
    admitted = false;
    sentInGeneration = limiter.generation();
    Probe<? super T> p = probe;
    if (p != null) {
      p.tryStarted(++tries, ticker.nanoTime());
      tryOpen = 1;
      if (isDone()) {
        // Cancelled while the probe heard the start: the cancel found no open try to end.
        abandonTry();
        return;
      }
    }
    Cancellable call;
    try {
      call = attempt.start(Math.min(attemptTimeoutNanos, left), sync, this);
    } catch (RuntimeException e) {
      failed(e instanceof SfsTurboException ? (SfsTurboException) e
          : new SfsTurboException("a try failed unexpectedly: " + e, e));
      return;
    }
    inFlight = call;
    if (isDone()) {
      call.cancel();
    }
  }

  /**
   * Asks the strategy about a try that the rate limiter would hold: it may skip it for a later one, if
   * that one still starts before the last start. Returns whether the try was skipped (or the loop ended).
   */
  private boolean skipped() {
    long hold = limiter.hold();
    if (hold <= 0) {
      return false;
    }
    Step<R> instead;
    try {
      instead = strategy.onHeld(hold, elapsed());
    } catch (RuntimeException e) {
      finish(Step.fail(new SfsTurboException("deciding about a held try failed unexpectedly: " + e, e)));
      return true;
    }
    if (instead == null || instead.delayNanos <= 0 || ticker.nanoTime() + instead.delayNanos > latestStartNanos) {
      return false;
    }
    admitted = false;
    if (sync) {
      nextDelayNanos = instead.delayNanos;
    } else {
      schedule(instead.delayNanos);
    }
    return true;
  }

  @Override
  public void started(Cancellable handle) {
    inFlight = handle;
    if (isDone()) {
      handle.cancel();
    }
  }

  @Override
  public void responded(int status, String requestId) {
    Probe<? super T> p = probe;
    if (p != null && tryOpen == 1) {
      p.responded(status, requestId);
    }
  }

  @Override
  public void succeeded(T value) {
    if (isDone()) {
      return;
    }
    lastFailure = null;
    lastValue = value;
    limiter.passed();
    decide(() -> strategy.onSuccess(value, elapsed()));
  }

  @Override
  public void failed(SfsTurboException failure) {
    if (isDone()) {
      return;
    }
    lastFailure = failure;
    lastValue = null;
    if (failure instanceof ThrottledException) {
      limiter.throttled(sentInGeneration);
    } else if (failure instanceof ServiceException) {
      limiter.passed();
    }
    decide(() -> strategy.onFailure(failure, elapsed()));
  }

  private void decide(Supplier<Step<R>> decision) {
    Step<R> step;
    try {
      step = decision.get();
    } catch (RuntimeException e) {
      // A bug in a strategy (or a listener it calls) must end the loop typed, not leave it hanging.
      step = Step.fail(new SfsTurboException("deciding after a try failed unexpectedly: " + e, e));
    }
    next(step);
  }

  /** Carries out a step: ends the loop, or times the next try within the deadline. */
  private void next(Step<R> step) {
    if (!step.isAgain()) {
      endTry(-1);
      finish(step);
      return;
    }
    long now = ticker.nanoTime();
    long delay;
    if (now + step.delayNanos <= latestStartNanos) {
      delay = step.delayNanos;
    } else if (!step.serverAsked && now < latestStartNanos) {
      delay = latestStartNanos - now;
    } else {
      endTry(-1);
      finish(expired(step.serverAsked ? step : null));
      return;
    }
    endTry(delay);
    if (sync) {
      nextDelayNanos = delay;
    } else {
      schedule(delay);
    }
  }

  /** Reports the try just decided on, before the loop ends or times the next one (which may start at once). */
  private void endTry(long nextDelay) {
    Probe<? super T> p = probe;
    if (p != null && TRY_OPEN.compareAndSet(this, 1, 0)) {
      p.tryEnded(lastValue, lastFailure, nextDelay, ticker.nanoTime());
    }
  }

  /** Reports a try cut short by cancel or close; before the loop completes, so that it ends before its loop. */
  private void abandonTry() {
    Probe<? super T> p = probe;
    if (p != null && TRY_OPEN.compareAndSet(this, 1, 0)) {
      p.tryAbandoned(ticker.nanoTime());
    }
  }

  private Step<R> expired(Step<R> refused) {
    return Step.fail(strategy.onExpired(lastFailure, refused, elapsed()));
  }

  private void finish(Step<R> step) {
    boolean changed = step.failure != null ? completeExceptionally(step.failure) : complete(step.value);
    if (changed) {
      scope.exit(this);
    }
  }

  /**
   * Ends the loop with a failure from outside (the client closed): stops the try in flight and
   * wakes a paused caller.
   *
   * @param failure what the loop ends with
   */
  void abort(SfsTurboException failure) {
    if (!isDone()) {
      abandonTry();
    }
    if (completeExceptionally(failure)) {
      stopWork();
    }
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    if (!isDone()) {
      abandonTry();
    }
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    stopWork();
    scope.exit(this);
    return cancelled;
  }

  private void stopWork() {
    pending.cancel();
    inFlight.cancel();
    Thread t = syncThread;
    if (t != null) {
      ticker.wake(t);
    }
  }

  private Duration elapsed() {
    return Duration.ofNanos(ticker.nanoTime() - startNanos);
  }

  /** Sync: the result, or the failure thrown as it is (its type kept, no wrapper). */
  private R result() {
    try {
      return get();
    } catch (ExecutionException e) {
      throw rethrowable(e.getCause());
    } catch (CancellationException e) {
      throw new SfsTurboException("the call was cancelled", e);
    } catch (InterruptedException e) {
      // Unreachable: the loop is done here, so get() does not block.
      Thread.currentThread().interrupt();
      throw new SfsTurboException("interrupted", e);
    }
  }

  private static RuntimeException rethrowable(Throwable cause) {
    if (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof RuntimeException) {
      return (RuntimeException) cause;
    }
    if (cause instanceof Error) {
      throw (Error) cause;
    }
    return new SfsTurboException(String.valueOf(cause), cause);
  }
}
