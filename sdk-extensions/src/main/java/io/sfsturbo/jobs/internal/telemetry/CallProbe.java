// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.telemetry;

import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.internal.engine.LoopProbe;
import io.sfsturbo.jobs.telemetry.AttemptListener;
import io.sfsturbo.jobs.telemetry.AttemptOutcome;
import io.sfsturbo.jobs.telemetry.WaitListener;

/**
 * Turns a plain call's tries into attempt events. The loop reports one try at a time, so the
 * try in flight is a plain field.
 *
 * @param <T> what a try yields
 */
class CallProbe<T> implements LoopProbe<T> {
  final TelemetryHub hub;
  final String jobId;
  private AttemptRecord current;
  private AttemptListener listener = AttemptListener.NONE;

  CallProbe(TelemetryHub hub, String jobId) {
    this.hub = hub;
    this.jobId = jobId;
  }

  /** The wait the attempts poll for, or null for a plain call. */
  WaitListener parent() {
    return null;
  }

  @Override
  public void loopStarted(long nowNanos) {}

  @Override
  public void tryStarted(int number, long nowNanos) {
    AttemptRecord r = new AttemptRecord(hub, jobId, number, parent(), nowNanos);
    current = r;
    AttemptListener l;
    try {
      l = hub.telemetry().attemptStarted(r);
    } catch (RuntimeException e) {
      TelemetryFailures.failed("attemptStarted", e);
      l = null;
    }
    listener = l != null ? l : AttemptListener.NONE;
  }

  @Override
  public void responded(int status, String requestId) {
    AttemptRecord r = current;
    if (r != null) {
      r.responded(status, requestId);
    }
  }

  @Override
  public void tryEnded(T value, SfsTurboException failure, long nextDelayNanos, long nowNanos) {
    AttemptRecord r = current;
    if (r == null) {
      return;
    }
    r.ended(failure, nextDelayNanos, nowNanos);
    if (r.outcome() == AttemptOutcome.THROTTLED) {
      try {
        listener.throttled(r);
      } catch (RuntimeException e) {
        TelemetryFailures.failed("throttled", e);
      }
    }
    end(r, value, nowNanos);
  }

  @Override
  public void tryAbandoned(long nowNanos) {
    AttemptRecord r = current;
    if (r != null) {
      r.abandoned(nowNanos);
      end(r, null, nowNanos);
    }
  }

  private void end(AttemptRecord r, T value, long nowNanos) {
    current = null;
    try {
      listener.attemptEnded(r);
    } catch (RuntimeException e) {
      TelemetryFailures.failed("attemptEnded", e);
    }
    listener = AttemptListener.NONE;
    afterAttempt(r, value, nowNanos);
  }

  /** What a wait adds after each of its attempts. */
  void afterAttempt(AttemptRecord r, T value, long nowNanos) {}
}
