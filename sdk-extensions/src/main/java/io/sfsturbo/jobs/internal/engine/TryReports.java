// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import io.sfsturbo.jobs.errors.SfsTurboException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reports a loop's tries to its {@link LoopProbe}, one at a time, each ended exactly once: by its outcome,
 * or as abandoned when the loop is stopped during it (the stop and the outcome may race on two threads).
 * A loop without telemetry has none of these, and makes no probe call at all.
 *
 * @param <T> what a try yields
 */
final class TryReports<T> {
  private final LoopProbe<? super T> probe;
  private final AtomicBoolean open = new AtomicBoolean();
  private int tries;

  TryReports(LoopProbe<? super T> probe) {
    this.probe = probe;
  }

  void loopStarted(long nowNanos) {
    probe.loopStarted(nowNanos);
  }

  void tryStarted(long nowNanos) {
    probe.tryStarted(++tries, nowNanos);
    open.set(true);
  }

  void responded(int status, String requestId) {
    if (open.get()) {
      probe.responded(status, requestId);
    }
  }

  void ended(T value, SfsTurboException failure, long nextDelayNanos, long nowNanos) {
    if (open.compareAndSet(true, false)) {
      probe.tryEnded(value, failure, nextDelayNanos, nowNanos);
    }
  }

  void abandoned(long nowNanos) {
    if (open.compareAndSet(true, false)) {
      probe.tryAbandoned(nowNanos);
    }
  }
}
