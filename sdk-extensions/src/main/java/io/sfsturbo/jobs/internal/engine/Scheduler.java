// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Runs a task later without holding a thread meanwhile; the async loops and the watchdog time their work with it. */
public interface Scheduler {
  /**
   * Runs a task after a delay.
   *
   * @param task what to run
   * @param delayNanos zero or more
   * @return a handle that cancels the task if it has not started
   * @throws java.util.concurrent.RejectedExecutionException when the scheduler refuses it
   */
  Cancellable schedule(Runnable task, long delayNanos);

  /**
   * Adapts a {@link ScheduledExecutorService}.
   *
   * @param executor the executor, never shut down here
   * @return the scheduler
   */
  static Scheduler of(ScheduledExecutorService executor) {
    return (task, delayNanos) -> {
      ScheduledFuture<?> f = executor.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
      return () -> f.cancel(false);
    };
  }
}
