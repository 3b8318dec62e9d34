// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import io.sfsturbo.jobs.errors.ServiceException;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.errors.ThrottledException;
import io.sfsturbo.jobs.internal.Durations;
import io.sfsturbo.jobs.internal.http.Cancellable;
import io.sfsturbo.jobs.internal.http.Exchange;
import io.sfsturbo.jobs.time.TimeSource;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The one retry-and-poll loop: tries, asks its {@link Decider} what the outcome means, waits, tries again,
 * under one {@link Deadline} that reaches everything. Each try is bounded by the smaller of the attempt
 * bound and the time left; a delay is clamped so that a last try still fits before the deadline, never
 * below its floor (the server's {@code Retry-After}), and a floor that does not fit ends the loop at once.
 * Plain calls and waits, sync and async, are all this loop with different deciders.
 *
 * <p>Async ({@link #start(long)}), no thread is held between tries: the {@link TimeSource} times the delays,
 * and the caller's future ({@link CallerFuture}) stops the loop when the caller completes or cancels it.
 * Sync ({@link #run(long)}), the same steps run on the caller's thread, parked in between ({@link TryTimer}).
 *
 * @param <T> what a try yields
 * @param <R> what the loop yields
 */
public final class AttemptLoop<T, R> implements Exchange.Callback<T> {
  private final Exchange<T> exchange;
  private final Decider<T, R> decider;
  private final TimeSource time;
  private final RunningLoops running;
  private final RateAdmission admission;
  private final Deadline deadline;
  private final long attemptTimeoutNanos;
  private final long startNanos;
  private final CallerFuture<R> future = new CallerFuture<>(this);

  /** When the last try started, as time since the start; -1 before the first. */
  private long lastTryStartNanos = -1;
  private volatile Cancellable inFlight = Cancellable.NONE;
  private volatile TryTimer timer;
  private boolean sync;
  private SfsTurboException lastFailure;
  private T lastValue;
  /** Null unless telemetry is installed: then no probe call is made at all. */
  private TryReports<T> reports;

  AttemptLoop(Exchange<T> exchange, Decider<T, R> decider, TimeSource time, RunningLoops running,
      Duration budget, Duration attemptTimeout, RateLimiter limiter) {
    this.exchange = exchange;
    this.decider = decider;
    this.time = time;
    this.running = running;
    this.admission = new RateAdmission(limiter);
    this.deadline = new Deadline(budget, attemptTimeout);
    this.attemptTimeoutNanos = Durations.saturatedNanos(attemptTimeout);
    this.startNanos = time.nanoTime();
  }

  /**
   * Reports this loop's tries to a probe; call before starting the loop.
   *
   * @param probe the probe, or null for none
   * @return this loop
   */
  public AttemptLoop<T, R> observe(LoopProbe<? super T> probe) {
    this.reports = probe == null ? null : new TryReports<>(probe);
    return this;
  }

  /**
   * Runs an action when the loop ends, whichever way (its result, its failure, a stop by the caller, the
   * client's close); call before starting the loop.
   *
   * @param action hears the result or the failure
   * @return this loop
   */
  public AttemptLoop<T, R> onEnd(BiConsumer<? super R, ? super Throwable> action) {
    future.whenComplete(action);
    return this;
  }

  /**
   * Runs the loop on the calling thread until it ends.
   *
   * @param initialDelayNanos the pause before the first try; any value (clamped to the deadline)
   * @return the result
   * @throws SfsTurboException (a subtype) as the decider decided
   * @throws IllegalStateException when the client is closed
   */
  public R run(long initialDelayNanos) {
    sync = true;
    timer = new TryTimer(time, timerView(), true);
    running.enter(this);
    started();
    try {
      long delay = firstDelay(initialDelayNanos);
      while (!future.isDone()) {
        if (delay > 0 && !timer.pause(delay)) {
          break;
        }
        tryOnce();
        if (!future.isDone() && Thread.currentThread().isInterrupted()) {
          finish(Decision.fail(decider.onInterrupted(new InterruptedException())));
        }
        delay = timer.takeSyncDelay();
      }
    } finally {
      running.exit(this);
    }
    return future.resultOfSyncRun();
  }

  /**
   * Starts the loop without holding the calling thread.
   *
   * @param initialDelayNanos the delay before the first try; any value (clamped to the deadline)
   * @return the caller's future of the result
   * @throws IllegalStateException when the client is closed
   */
  public CompletableFuture<R> start(long initialDelayNanos) {
    timer = new TryTimer(time, timerView(), false);
    running.enter(this);
    started();
    timer.schedule(firstDelay(initialDelayNanos));
    return future;
  }

  private TryTimer.Loop timerView() {
    return new TryTimer.Loop() {
      @Override
      public void tryOnce() {
        AttemptLoop.this.tryOnce();
      }

      @Override
      public boolean isDone() {
        return future.isDone();
      }

      @Override
      public void cannotWait(RuntimeException refused, InterruptedException e) {
        finish(Decision.fail(e != null ? decider.onInterrupted(e)
            : new SfsTurboException("the time source refused to time the next try", refused)));
      }
    };
  }

  private void started() {
    if (reports != null) {
      reports.loopStarted(time.nanoTime());
    }
  }

  private long elapsed() {
    return time.nanoTime() - startNanos;
  }

  private long firstDelay(long wanted) {
    return wanted <= 0 ? 0 : Math.max(0, deadline.delayBefore(elapsed(), wanted, 0, -1));
  }

  private void tryOnce() {
    if (future.isDone()) {
      return;
    }
    long now = elapsed();
    long left = deadline.leftNanos(now);
    if (left <= 0) {
      finish(expired(null));
      return;
    }
    RateAdmission.Verdict verdict;
    try {
      verdict = admission.admit(now, deadline.latestStartNanos(), this::skipDelay);
    } catch (RuntimeException e) {
      finish(Decision.fail(new SfsTurboException("deciding about a held try failed unexpectedly: " + e, e)));
      return;
    }
    if (verdict == RateAdmission.Verdict.WAIT_FOR_SLOT) {
      timer.tryAfter(admission.delayNanos());
      return;
    }
    if (verdict == RateAdmission.Verdict.SKIP) {
      timer.nextTryIn(admission.delayNanos());
      return;
    }
    lastTryStartNanos = now;
    if (reports != null) {
      reports.tryStarted(time.nanoTime());
      if (future.isDone()) {
        // Stopped while the probe heard the start: the stop found no open try to end.
        reports.abandoned(time.nanoTime());
        return;
      }
    }
    Cancellable call;
    try {
      call = exchange.start(Math.min(attemptTimeoutNanos, left), sync, this);
    } catch (RuntimeException e) {
      failed(e instanceof SfsTurboException ? (SfsTurboException) e
          : new SfsTurboException("a try failed unexpectedly: " + e, e));
      return;
    }
    inFlight = call;
    if (future.isDone()) {
      call.cancel();
    }
  }

  /** The decider's say about a try the rate limiter would hold: the delay of a later try instead, or 0. */
  private long skipDelay(long holdNanos) {
    Decision<R> instead = decider.onHeld(holdNanos, Duration.ofNanos(elapsed()));
    return instead == null ? 0 : Math.max(0, instead.delayNanos);
  }

  @Override
  public void started(Cancellable handle) {
    inFlight = handle;
    if (future.isDone()) {
      handle.cancel();
    }
  }

  @Override
  public void responded(int status, String requestId) {
    if (reports != null) {
      reports.responded(status, requestId);
    }
  }

  @Override
  public void succeeded(T value) {
    if (future.isDone()) {
      return;
    }
    lastFailure = null;
    lastValue = value;
    admission.passed();
    decide(() -> decider.onSuccess(value, Duration.ofNanos(elapsed())));
  }

  @Override
  public void failed(SfsTurboException failure) {
    if (future.isDone()) {
      return;
    }
    lastFailure = failure;
    lastValue = null;
    if (failure instanceof ThrottledException) {
      admission.throttled();
    } else if (failure instanceof ServiceException) {
      admission.passed();
    }
    decide(() -> decider.onFailure(failure, Duration.ofNanos(elapsed())));
  }

  private void decide(Supplier<Decision<R>> decision) {
    Decision<R> d;
    try {
      d = decision.get();
    } catch (RuntimeException e) {
      // A bug in a decider (or a listener it calls) must end the loop typed, not leave it hanging.
      d = Decision.fail(new SfsTurboException("deciding after a try failed unexpectedly: " + e, e));
    }
    next(d);
  }

  /** Carries out a decision: ends the loop, or times the next try within the deadline ({@link Deadline#delayBefore}). */
  private void next(Decision<R> d) {
    if (!d.isAgain()) {
      endTry(-1);
      finish(d);
      return;
    }
    long now = elapsed();
    long delay = deadline.delayBefore(now, d.delayNanos, d.floorNanos, lastTryStartNanos);
    if (delay < 0) {
      endTry(-1);
      finish(expired(deadline.floorPasses(now, d.floorNanos) ? d : null));
      return;
    }
    endTry(delay);
    timer.nextTryIn(delay);
  }

  /** Reports the try just decided on, before the loop ends or times the next one (which may start at once). */
  private void endTry(long nextDelay) {
    if (reports != null) {
      reports.ended(lastValue, lastFailure, nextDelay, time.nanoTime());
    }
  }

  private Decision<R> expired(Decision<R> refused) {
    return Decision.fail(decider.onExpired(lastFailure, refused, Duration.ofNanos(elapsed())));
  }

  private void finish(Decision<R> d) {
    boolean changed = d.failure != null ? future.finishExceptionally(d.failure) : future.finish(d.value);
    if (changed) {
      running.exit(this);
    }
  }

  /**
   * Ends the loop with a failure from outside (the client closed): stops the try in flight and wakes a
   * paused caller.
   *
   * @param failure what the loop ends with
   */
  void abort(SfsTurboException failure) {
    if (!future.isDone() && reports != null) {
      reports.abandoned(time.nanoTime());
    }
    if (future.finishExceptionally(failure)) {
      stopWork();
    }
  }

  /** The caller is about to complete, obtrude or cancel its future: the try in flight ends first. */
  void stoppingByCaller() {
    if (reports != null && !future.isDone()) {
      reports.abandoned(time.nanoTime());
    }
  }

  /** The caller completed, obtruded or cancelled its future: no further try, the one in flight cancelled. */
  void stoppedByCaller() {
    stopWork();
    running.exit(this);
  }

  private void stopWork() {
    inFlight.cancel();
    TryTimer t = timer;
    if (t != null) {
      t.stop();
    }
  }
}
