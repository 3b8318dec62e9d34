// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one small scheduler that async retries and async waits share, unless the caller passes
 * its own. Its threads are daemons, named {@code sfsturbo-scheduler-N}, so that a pending wait
 * never keeps the JVM alive; it only times work, never blocks on I/O.
 */
public final class SharedScheduler {
  private static final AtomicInteger COUNT = new AtomicInteger();

  private SharedScheduler() {}

  private static final class Holder {
    static final ScheduledExecutorService INSTANCE = create();
  }

  /** Returns the shared scheduler, created on first use. */
  public static ScheduledExecutorService get() {
    return Holder.INSTANCE;
  }

  private static ScheduledExecutorService create() {
    ThreadFactory factory = r -> {
      Thread t = new Thread(r, "sfsturbo-scheduler-" + COUNT.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, factory);
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }
}
