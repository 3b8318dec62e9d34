// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.telemetry;

import io.sfsturbo.jobs.text.SafeText;
import io.sfsturbo.jobs.telemetry.WaitEvent;
import io.sfsturbo.jobs.telemetry.WaitListener;
import io.sfsturbo.jobs.telemetry.WaitOutcome;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Turns a wait's loop into wait events: its start (when the loop is accepted), each poll and
 * status change, and its end, which the waiter reports from the loop's completion (every way a
 * wait can end completes it: the job's end, the deadline, cancel, close).
 *
 * @param <T> what a poll yields
 */
public final class WaitProbe<T> extends CallProbe<T> implements WaitEvent {
  private final Duration timeout;
  private final Function<? super T, String> statusOf;
  private final LongSupplier nanoTime;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile WaitListener listener;
  private volatile long startNanos;
  private volatile long endNanos;
  private volatile int polls;
  private volatile String jobStatus;
  private boolean statusSeen;
  private volatile WaitOutcome outcome;
  private volatile String errorType;

  WaitProbe(TelemetryHub hub, String jobId, Duration timeout, Function<? super T, String> statusOf,
      LongSupplier nanoTime) {
    super(hub, jobId);
    this.timeout = timeout;
    this.statusOf = statusOf;
    this.nanoTime = nanoTime;
  }

  @Override
  WaitListener parent() {
    return listener;
  }

  @Override
  public void loopStarted(long nowNanos) {
    startNanos = nanoTime.getAsLong();
    WaitListener l;
    try {
      l = hub.telemetry().waitStarted(this);
    } catch (RuntimeException e) {
      TelemetryFailures.failed("waitStarted", e);
      l = null;
    }
    listener = l != null ? l : WaitListener.NONE;
  }

  @Override
  void afterAttempt(AttemptRecord r, T value, long nowNanos) {
    polls++;
    WaitListener l = listener;
    try {
      l.polled(this, r);
    } catch (RuntimeException e) {
      TelemetryFailures.failed("polled", e);
    }
    if (value == null) {
      return;
    }
    String raw = statusOf.apply(value);
    String status = raw == null ? null : SafeText.forMessage(raw);
    String previous = jobStatus;
    if (!statusSeen || !Objects.equals(previous, status)) {
      statusSeen = true;
      jobStatus = status;
      try {
        l.statusChanged(this, previous, status);
      } catch (RuntimeException e) {
        TelemetryFailures.failed("statusChanged", e);
      }
    }
  }

  /**
   * Reports the wait's end, once; nothing when the wait never started (its client was closed).
   *
   * @param waitOutcome how it ended
   * @param failureType the simple name of the exception it ended with, or null
   */
  public void ended(WaitOutcome waitOutcome, String failureType) {
    WaitListener l = listener;
    if (l == null || !ended.compareAndSet(false, true)) {
      return;
    }
    endNanos = nanoTime.getAsLong();
    errorType = failureType;
    outcome = waitOutcome;
    try {
      l.waitEnded(this);
    } catch (RuntimeException e) {
      TelemetryFailures.failed("waitEnded", e);
    }
  }

  @Override
  public String jobId() {
    return jobId;
  }

  @Override
  public Duration timeout() {
    return timeout;
  }

  @Override
  public int polls() {
    return polls;
  }

  @Override
  public Duration elapsed() {
    long end = outcome != null ? endNanos : nanoTime.getAsLong();
    return Duration.ofNanos(Math.max(0, end - startNanos));
  }

  @Override
  public String jobStatus() {
    return jobStatus;
  }

  @Override
  public WaitOutcome outcome() {
    return outcome;
  }

  @Override
  public String errorType() {
    return errorType;
  }

  @Override
  public String toString() {
    return "WaitEvent{job=" + jobId + " polls=" + polls + " status=" + jobStatus + " outcome=" + outcome + '}';
  }
}
