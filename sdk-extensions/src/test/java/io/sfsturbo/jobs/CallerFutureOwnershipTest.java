// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.model.JobStatus;
import io.sfsturbo.jobs.testing.CannedAnswers;
import io.sfsturbo.jobs.testing.CannedAnswers.Answer;
import io.sfsturbo.jobs.testing.FakeTime;
import io.sfsturbo.jobs.waiter.WaitOptions;
import io.sfsturbo.jobs.waiter.WaitResult;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The future of an async call or wait belongs to its caller: whatever the caller does to end it (complete,
 * complete exceptionally, cancel, obtrude a value or an exception), the work underneath stops. A request in
 * flight is cancelled, and no further request goes out, whether the loop was waiting on the network or on its
 * timer. Each case fails if the loop ignores its future: the held request then stays uncancelled, or the
 * next try runs when virtual time moves on.
 */
@Timeout(30)
class CallerFutureOwnershipTest {
  private static final JobDetail RUNNING = JobDetail.builder().jobId("job-1").status(JobStatus.RUNNING).build();

  /** What a caller can do to its future. */
  static Stream<Arguments> endings() {
    return Stream.of(
        ending("complete", (f, v) -> f.complete(v)),
        ending("completeExceptionally", (f, v) -> f.completeExceptionally(new IllegalStateException("mine"))),
        ending("cancel", (f, v) -> f.cancel(true)),
        ending("obtrudeValue", (f, v) -> f.obtrudeValue(v)),
        ending("obtrudeException", (f, v) -> f.obtrudeException(new IllegalStateException("mine"))));
  }

  private static Arguments ending(String name, BiConsumer<CompletableFuture<Object>, Object> end) {
    return Arguments.of(name, end);
  }

  /** The two async operations, and a value of each's result type for complete/obtrude. */
  private enum Operation {
    CALL(c -> c.showJobDetailAsync("job-1"), RUNNING),
    WAIT(c -> c.waiter().waitForAsync("job-1", WaitOptions.builder().pollInterval(Duration.ofSeconds(5))
        .timeout(Duration.ofHours(1)).build()), new WaitResult(RUNNING, 1, Duration.ZERO));

    final Function<SfsTurboJobsClient, CompletableFuture<?>> start;
    final Object value;

    Operation(Function<SfsTurboJobsClient, CompletableFuture<?>> start, Object value) {
      this.start = start;
      this.value = value;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endings")
  void endingTheFutureCancelsTheCallInFlight(String name, BiConsumer<CompletableFuture<Object>, Object> end)
      throws Exception {
    for (Operation op : Operation.values()) {
      FakeTime time = FakeTime.manual();
      CannedAnswers wire = new CannedAnswers(time, n -> n == 0 ? Answer.holdUntilCancelled()
          : Answer.status("running"));
      try (SfsTurboJobsClient client = wire.clientBuilder().build()) {
        @SuppressWarnings("unchecked")
        CompletableFuture<Object> future = (CompletableFuture<Object>) op.start.apply(client);
        time.runAll(0);
        assertTrue(wire.awaitHeld(), op + ": the first request was not sent");
        end.accept(future, op.value);
        assertTrue(wire.awaitCancelled(), op + " " + name + ": the request in flight was not cancelled");
        assertTrue(wire.awaitQuiet(), op + " " + name + ": a call still runs");
        time.runAll(Duration.ofDays(1).toMillis());
        assertEquals(1, wire.requests(), op + " " + name + ": a request went out after the caller ended the future");
        assertEquals(0, time.pendingTasks(), op + " " + name + ": a timer is left");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("endings")
  void endingTheFutureBetweenTriesCancelsTheNextOne(String name, BiConsumer<CompletableFuture<Object>, Object> end)
      throws Exception {
    for (Operation op : Operation.values()) {
      FakeTime time = FakeTime.manual();
      // A call's first try is throttled (a retry is timed); a wait's first poll finds the job running.
      CannedAnswers wire = new CannedAnswers(time, n -> op == Operation.CALL ? Answer.throttled("2")
          : Answer.status("running"));
      try (SfsTurboJobsClient client = wire.clientBuilder().build()) {
        @SuppressWarnings("unchecked")
        CompletableFuture<Object> future = (CompletableFuture<Object>) op.start.apply(client);
        time.runAll(0);
        assertTrue(wire.awaitQuiet(), op + ": the first try did not end");
        assertEquals(1, wire.requests(), op.name());
        assertTrue(awaitPending(time), op + ": no next try was timed");
        end.accept(future, op.value);
        time.runAll(Duration.ofDays(1).toMillis());
        assertTrue(wire.awaitQuiet(), op + " " + name + ": a call still runs");
        assertEquals(1, wire.requests(), op + " " + name + ": a request went out after the caller ended the future");
      }
    }
  }

  /** The next try is timed on the OkHttp thread that read the answer: waits (real time, 5 s at most) for it. */
  private static boolean awaitPending(FakeTime time) throws InterruptedException {
    long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (time.pendingTasks() == 0 && System.nanoTime() < until) {
      Thread.sleep(1);
    }
    return time.pendingTasks() > 0;
  }
}
