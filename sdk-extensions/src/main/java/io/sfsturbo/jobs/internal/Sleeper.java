// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal;

import java.time.Duration;

/** Waits on the caller's thread; replaced in tests so that retries take no wall time. */
public interface Sleeper {
  /** Sleeps with {@link Thread#sleep(long)}. */
  Sleeper SYSTEM = d -> Thread.sleep(d.toMillis());

  /**
   * Waits for a duration.
   *
   * @param duration how long
   * @throws InterruptedException when the thread is interrupted while waiting
   */
  void sleep(Duration duration) throws InterruptedException;
}
