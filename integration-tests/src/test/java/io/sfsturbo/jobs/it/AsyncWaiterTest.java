// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.model.JobStatus;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.waiter.JobFailedException;
import io.sfsturbo.jobs.waiter.JobWaiter;
import io.sfsturbo.jobs.waiter.WaitOptions;
import io.sfsturbo.jobs.waiter.WaitResult;
import io.sfsturbo.jobs.waiter.WaitTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The async waiter on real time with short intervals: a dispatcher plays jobs that end after a
 * given number of polls. Assertions are on counts and outcomes, never on durations.
 */
@Timeout(60)
class AsyncWaiterTest {
  MockService service;
  SfsTurboJobsClient client;
  JobWaiter waiter;
  final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();
  final WaitOptions fast = WaitOptions.builder().pollInterval(Duration.ofMillis(10)).maxInterval(Duration.ofMillis(40))
      .timeout(Duration.ofSeconds(30)).build();

  /** Job ids look like {@code ok-3} (succeeds at the 3rd poll), {@code fail-2}, {@code run-0} (never ends). */
  final class Jobs extends Dispatcher {
    @Override
    public MockResponse dispatch(RecordedRequest request) {
      List<String> segments = request.getUrl().pathSegments();
      String id = segments.get(segments.size() - 1);
      int n = polls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
      String[] parts = id.split("-");
      int endsAt = Integer.parseInt(parts[1]);
      String status = parts[0].equals("run") || n < endsAt ? "running" : parts[0].equals("ok") ? "success" : "failed";
      return MockService.json(200, "{\"job_id\":\"" + id + "\",\"status\":\"" + status + "\",\"job_type\":\"t\"}");
    }
  }

  @BeforeEach
  void start() throws Exception {
    service = new MockService();
    service.server.setDispatcher(new Jobs());
    client = service.clientBuilder().build();
    waiter = client.waiter();
  }

  @AfterEach
  void stop() {
    client.close();
    service.close();
  }

  @Test
  void asyncSuccessAndFailure() throws Exception {
    WaitResult ok = waiter.waitForAsync("ok-3", fast).get(20, TimeUnit.SECONDS);
    assertEquals(JobStatus.SUCCESS, ok.job().status());
    assertEquals(3, ok.polls());
    ExecutionException e = assertThrows(ExecutionException.class,
        () -> waiter.waitForAsync("fail-2", fast).get(20, TimeUnit.SECONDS));
    assertInstanceOf(JobFailedException.class, e.getCause());
  }

  @Test
  void asyncTimeout() {
    ExecutionException e = assertThrows(ExecutionException.class, () -> waiter.waitForAsync("run-0",
        fast.toBuilder().timeout(Duration.ofMillis(300)).build()).get(20, TimeUnit.SECONDS));
    WaitTimeoutException timeout = assertInstanceOf(WaitTimeoutException.class, e.getCause());
    assertEquals(JobStatus.RUNNING, timeout.lastJob().status());
  }

  @Test
  void cancellingStopsPollingAtOnce() throws Exception {
    // The wait's delays run on a scheduler the test sees: after cancel, nothing of the wait is left on it.
    java.util.concurrent.ScheduledThreadPoolExecutor mine = new java.util.concurrent.ScheduledThreadPoolExecutor(1);
    mine.setRemoveOnCancelPolicy(true);
    try {
      JobWaiter own = client.waiterBuilder().timeSource(io.sfsturbo.jobs.time.TimeSource.system(mine)).build();
      CompletableFuture<WaitResult> wait = own.waitForAsync("run-0",
          fast.toBuilder().pollInterval(Duration.ofSeconds(30)).maxInterval(Duration.ofSeconds(30)).build());
      assertTrue(service.server.takeRequest(10, TimeUnit.SECONDS) != null, "first poll");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (mine.getQueue().isEmpty() && System.nanoTime() < deadline) {
        Thread.onSpinWait();   // the next poll is being scheduled
      }
      assertEquals(1, mine.getQueue().size(), "the next poll, 30 s away");
      assertTrue(wait.cancel(true));
      // The thread that scheduled the poll may still be storing its handle: it cancels it itself then.
      long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!mine.getQueue().isEmpty() && System.nanoTime() < settle) {
        Thread.onSpinWait();
      }
      assertEquals(0, mine.getQueue().size(), "the pending poll was cancelled with the wait");
      assertEquals(1, service.server.getRequestCount(), "no poll after cancel");
      assertTrue(wait.isCancelled());
    } finally {
      mine.shutdownNow();
    }
  }

  @Test
  void callersSchedulerIsUsedAndNotShutDown() throws Exception {
    ScheduledExecutorService mine = Executors.newSingleThreadScheduledExecutor();
    try {
      JobWaiter own = client.waiterBuilder().timeSource(io.sfsturbo.jobs.time.TimeSource.system(mine)).build();
      assertEquals(JobStatus.SUCCESS, own.waitForAsync("ok-2", fast).get(20, TimeUnit.SECONDS).job().status());
      assertFalse(mine.isShutdown());
    } finally {
      mine.shutdownNow();
    }
  }

  @Test
  void manyConcurrentWaitsCompleteWithBoundedThreads() throws Exception {
    // More waits than the client's concurrent requests: the client's threads are bounded by that
    // documented default, not by the number of waits.
    int n = 3 * SfsTurboJobsClient.DEFAULT_MAX_CONCURRENT_REQUESTS;
    List<CompletableFuture<WaitResult>> waits = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = (i % 10 == 0 ? "fail-" : "ok-") + (1 + i % 7) + "x" + i;
      waits.add(waiter.waitForAsync(id.replace("x", "-"), fast).exceptionally(t -> null));
    }
    int clientThreads = 0;
    int sdkThreads = 0;
    while (!CompletableFuture.allOf(waits.toArray(new CompletableFuture<?>[0])).isDone()) {
      // The client's dispatcher threads: idle ones are named so, busy ones after the URL they call.
      clientThreads = Math.max(clientThreads, countThreads("OkHttp Dispatcher") + countThreads("OkHttp http")
          + countThreads("sfsturbo-"));
      sdkThreads = Math.max(sdkThreads, countThreads("sfsturbo-scheduler"));
      Thread.sleep(5);
    }
    int succeeded = 0;
    for (CompletableFuture<WaitResult> w : waits) {
      if (w.get() != null) {
        succeeded++;
      }
    }
    assertEquals(n - (n + 9) / 10, succeeded, "every tenth job fails");
    assertTrue(sdkThreads <= 1, "the SDK's own scheduler threads: " + sdkThreads);
    // OkHttp's dispatcher runs at most DEFAULT_MAX_CONCURRENT_REQUESTS calls at once; its cached pool may
    // briefly hold a few more threads than calls (a call's thread returns just after the next call starts).
    assertTrue(clientThreads < n / 2,
        "client threads: " + clientThreads + " for " + n + " waits");
    assertTrue(clientThreads > 0, "the thread count was read");
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("sfsturbo-scheduler")) {
        assertTrue(t.isDaemon(), "the scheduler thread must not keep the JVM alive");
      }
    }
  }

  private static int countThreads(String prefix) {
    int n = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith(prefix)) {
        n++;
      }
    }
    return n;
  }
}
