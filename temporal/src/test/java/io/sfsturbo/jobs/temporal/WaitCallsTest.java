// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.temporal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.errors.TransportException;
import io.sfsturbo.jobs.waiter.WaitCheckpoint;
import io.sfsturbo.jobs.waiter.WaitOptions;
import io.temporal.activity.ManualActivityCompletionClient;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The heartbeats and completions of many waits on the activities' RPC pool, against a fake Temporal
 * whose calls block until the test lets them go: no head-of-line blocking between waits, order and
 * one call at a time within a wait.
 */
@Timeout(60)
class WaitCallsTest {
  static final int WAITS = 2_000;

  final ThreadPoolExecutor pool = SfsTurboJobActivitiesImpl.rpcPool(SfsTurboJobActivitiesImpl.DEFAULT_RPC_THREADS);
  final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    pool.shutdown();
  }

  /** Temporal's side of one wait: each call is handed to the test. */
  static final class FakeCompletion implements ManualActivityCompletionClient {
    final Consumer<String> onCall;

    FakeCompletion(Consumer<String> onCall) {
      this.onCall = onCall;
    }

    @Override public void complete(Object result) { onCall.accept("complete"); }
    @Override public void fail(Throwable failure) { onCall.accept("fail " + ((ApplicationFailure) failure).getType()); }
    @Override public void recordHeartbeat(Object details) { onCall.accept("heartbeat " + details); }
    @Override public void reportCancellation(Object details) { onCall.accept("cancelled"); }
  }

  static WaitCheckpoint checkpoint(String jobId) {
    return WaitCheckpoint.start(jobId, WaitOptions.defaults(), Instant.EPOCH);
  }

  void stall() {
    try {
      release.await();   // as a heartbeat RPC to a slow server blocks, until its deadline
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void aStalledHeartbeatDelaysNoOtherWaitsCalls() throws Exception {
    CountDownLatch othersSent = new CountDownLatch(WAITS - 1);
    for (int i = 0; i < WAITS; i++) {
      boolean stalls = i == 0;
      SfsTurboJobActivitiesImpl.WaitCalls calls = new SfsTurboJobActivitiesImpl.WaitCalls(
          new FakeCompletion(call -> {
            if (stalls) {
              stall();
            } else {
              othersSent.countDown();
            }
          }), pool);
      calls.offer(checkpoint("job-" + i));
    }

    // The stalled one first: with one RPC thread for all waits, none of the others would be sent before it ends.
    assertTrue(othersSent.await(20, TimeUnit.SECONDS),
        othersSent.getCount() + " of the other waits' heartbeats still wait behind the stalled one");
  }

  @Test
  void aWaitsCallsGoInOrderOneAtATimeTheNewestHeartbeatOnly() throws Exception {
    List<String> sent = new CopyOnWriteArrayList<>();
    AtomicInteger inFlight = new AtomicInteger();
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch ended = new CountDownLatch(1);
    SfsTurboJobActivitiesImpl.WaitCalls calls = new SfsTurboJobActivitiesImpl.WaitCalls(new FakeCompletion(call -> {
      int concurrent = inFlight.incrementAndGet();
      sent.add(call + (concurrent > 1 ? " (concurrent!)" : ""));
      if (sent.size() == 1) {
        firstStarted.countDown();
        stall();
      }
      inFlight.decrementAndGet();
      if (call.startsWith("fail")) {
        ended.countDown();
      }
    }), pool);

    calls.offer(checkpoint("first"));
    assertTrue(firstStarted.await(10, TimeUnit.SECONDS));
    calls.offer(checkpoint("second"));   // replaced by the third before it is sent
    calls.offer(checkpoint("third"));
    calls.end(null, new TransportException("reset", null));
    release.countDown();

    assertTrue(ended.await(10, TimeUnit.SECONDS), sent.toString());
    assertEquals(List.of("heartbeat " + checkpoint("first").toText(), "heartbeat " + checkpoint("third").toText(),
        "fail " + JobWaitFailures.TRANSIENT_ERROR), sent);
  }
}
