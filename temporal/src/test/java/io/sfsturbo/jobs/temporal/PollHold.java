// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.temporal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.waiter.JobProgressListener;
import io.sfsturbo.jobs.waiter.WaitCheckpoint;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Holds a wait after a given poll: at that poll's checkpoint it blocks the single thread of the
 * scheduler that times the wait's polls, ahead of the next poll's timer (due later), until released
 * or interrupted. No poll is made meanwhile, whatever the time.
 */
final class PollHold implements JobProgressListener {
  private final ScheduledExecutorService scheduler;
  private final int afterPoll;
  private final CountDownLatch held = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);

  /**
   * @param scheduler a single-threaded scheduler that times the wait's polls
   * @param afterPoll the poll to hold the wait after; 0 for never
   */
  PollHold(ScheduledExecutorService scheduler, int afterPoll) {
    this.scheduler = scheduler;
    this.afterPoll = afterPoll;
  }

  @Override
  public void onCheckpoint(WaitCheckpoint c) {
    if (c.polls() == afterPoll) {
      scheduler.execute(() -> {
        held.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
  }

  /** Waits (at most 20 s) until the wait is held. */
  void awaitHeld() throws InterruptedException {
    assertTrue(held.await(20, TimeUnit.SECONDS), "the wait did not reach poll " + afterPoll);
  }

  /** Lets the wait go on. */
  void release() {
    release.countDown();
  }
}
