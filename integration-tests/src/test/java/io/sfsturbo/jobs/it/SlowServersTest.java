// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.it;

import io.sfsturbo.jobs.SfsTurboJobsClientBuilder;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.CallOptions;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.auth.TokenCredentials;
import io.sfsturbo.jobs.errors.RequestTimeoutException;
import io.sfsturbo.jobs.retry.RetryPolicy;
import io.sfsturbo.jobs.waiter.JobWaiter;
import io.sfsturbo.jobs.waiter.WaitOptions;
import io.sfsturbo.jobs.waiter.WaitTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "One deadline bounds everything", against servers that never finish: a body dripped one byte at
 * a time (each byte resets OkHttp's read timeout), headers that never end, endless
 * {@code 102 Processing}, silence, a TLS handshake never answered, and a {@code Retry-After} far
 * beyond the budget. A plain call ends within its call timeout plus one second with a
 * {@link RequestTimeoutException}; a wait within its deadline plus one second with a
 * {@link WaitTimeoutException}; sync and async alike. Each case runs its four operations
 * concurrently, so the class takes a few seconds.
 */
class SlowServersTest {
  private static final Duration BUDGET = Duration.ofMillis(1500);
  /** How late past its budget an operation may end. */
  private static final Duration SLACK = Duration.ofSeconds(1);
  /** How soon an operation may end at the earliest: it must have been cut by the bound, not failed at once. */
  private static final Duration AT_LEAST = Duration.ofMillis(1000);
  /** A valid job, padded with spaces to about 200 bytes: dripped at 200 ms a byte it would take 40 s. */
  private static final String PADDED_JOB = pad("{\"job_id\":\"j\",\"status\":\"running\"}", 200);
  private static final String THROTTLED =
      "{\"errCode\":\"SFS.TURBO.0429\",\"errMsg\":\"too many requests, slow down\"}";
  private static final boolean PRINT_TIMINGS = Boolean.getBoolean("it.timings");

  private ExecutorService pool;

  @BeforeEach
  void startPool() {
    pool = Executors.newFixedThreadPool(4, r -> {
      Thread t = new Thread(r, "slow-servers-test");
      t.setDaemon(true);
      return t;
    });
  }

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  private static String pad(String json, int length) {
    StringBuilder sb = new StringBuilder(json);
    while (sb.length() < length) {
      sb.append(' ');
    }
    return sb.toString();
  }

  private static SfsTurboJobsClientBuilder clientBuilder(URI endpoint) {
    return SfsTurboJobsClient.builder()
        .endpoint(endpoint)
        .httpConfiguration(h -> h.allowInsecureHttp(true))
        .projectId("proj-1")
        .credentials(TokenCredentials.of("slow-servers-token"))
        .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.defaults()));
  }

  private static CallOptions callOptions(Duration budget) {
    return CallOptions.builder().callTimeout(budget).build();
  }

  private static WaitOptions waitOptions(Duration deadline) {
    return WaitOptions.builder().timeout(deadline).pollInterval(Duration.ofMillis(200)).build();
  }

  /** How one operation ended: its failure (the ExecutionException's cause, for a future) and how long it took. */
  private record Outcome(String what, Object result, Throwable failure, Duration took) {
    @Override
    public String toString() {
      return what + " took " + took.toMillis() + " ms and ended with "
          + (failure != null ? failure.getClass().getName() + ": " + failure.getMessage() : "result " + result);
    }
  }

  private static Outcome timed(String what, Callable<?> operation) {
    long start = System.nanoTime();
    Object result = null;
    Throwable failure = null;
    try {
      result = operation.call();
    } catch (ExecutionException e) {
      failure = e.getCause();
    } catch (Throwable t) {
      failure = t;
    }
    return new Outcome(what, result, failure, Duration.ofNanos(System.nanoTime() - start));
  }

  /** Runs the operations at once, each on its own thread; collects how each ended (a hung one as a TimeoutException). */
  private List<Outcome> concurrently(List<String> names, List<Callable<?>> operations) throws InterruptedException {
    List<Future<Outcome>> futures = new ArrayList<>();
    for (int i = 0; i < operations.size(); i++) {
      String name = names.get(i);
      Callable<?> op = operations.get(i);
      futures.add(pool.submit(() -> timed(name, op)));
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < futures.size(); i++) {
      try {
        outcomes.add(futures.get(i).get(20, TimeUnit.SECONDS));
      } catch (ExecutionException | TimeoutException e) {
        outcomes.add(new Outcome(names.get(i), null, e, Duration.ofSeconds(20)));
      }
    }
    return outcomes;
  }

  private static void print(String scenario, List<Outcome> outcomes) {
    if (PRINT_TIMINGS) {
      StringBuilder sb = new StringBuilder("timings ").append(scenario).append(':');
      for (Outcome o : outcomes) {
        sb.append(' ').append(o.what()).append('=').append(o.took().toMillis()).append("ms/")
            .append(o.failure() == null ? "none" : o.failure().getClass().getSimpleName());
      }
      System.out.println(sb);
    }
  }

  private static Executable endedWith(Outcome o, Class<? extends Throwable> type, Duration atLeast, Duration atMost) {
    return () -> {
      assertInstanceOf(type, o.failure(), o::toString);
      assertTrue(o.took().compareTo(atMost) <= 0, () -> "too late (bound " + atMost.toMillis() + " ms): " + o);
      assertTrue(o.took().compareTo(atLeast) >= 0, () -> "too early (at least " + atLeast.toMillis() + " ms): " + o);
    };
  }

  static Stream<Arguments> slowServers() {
    return Stream.of(
        Arguments.of("slowBody", (Supplier<HostileServer.Behaviour>) () ->
            HostileServer.slowBody(PADDED_JOB, Duration.ofMillis(200)), false),
        // An error whose body drips: the body is part of the exchange, which the bound cuts; the status alone
        // (a final 404) must not end the operation early, or sync and async calls would differ.
        Arguments.of("slowErrorBody", (Supplier<HostileServer.Behaviour>) () ->
            HostileServer.slowBody(404, pad("{\"errCode\":\"SFS.TURBO.0001\",\"errMsg\":\"no such job\"}", 200),
                Duration.ofMillis(200)), false),
        Arguments.of("drippedHeaders", (Supplier<HostileServer.Behaviour>) () ->
            HostileServer.drippedHeaders(Duration.ofMillis(200)), false),
        Arguments.of("interimFlood", (Supplier<HostileServer.Behaviour>) () ->
            HostileServer.interimFlood(Duration.ofMillis(100)), false),
        Arguments.of("silent", (Supplier<HostileServer.Behaviour>) HostileServer::silent, false),
        Arguments.of("stalledTls", (Supplier<HostileServer.Behaviour>) HostileServer::stalledTls, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("slowServers")
  void callsAndWaitsEndWithinTheirBudgetWhateverTheServerDoes(String name, Supplier<HostileServer.Behaviour> behaviour,
      boolean tls) throws Exception {
    try (HostileServer server = HostileServer.start(behaviour.get());
         SfsTurboJobsClient client = clientBuilder(tls ? server.httpsUrl() : server.url()).build()) {
      JobWaiter waiter = client.waiter();
      List<Outcome> outcomes = concurrently(List.of("show", "showAsync", "waitFor", "waitForAsync"), List.of(
          () -> client.showJobDetail("j", callOptions(BUDGET)),
          () -> client.showJobDetailAsync("j", callOptions(BUDGET)).get(30, TimeUnit.SECONDS),
          () -> waiter.waitFor("j", waitOptions(BUDGET)),
          () -> waiter.waitForAsync("j", waitOptions(BUDGET)).get(30, TimeUnit.SECONDS)));
      print(name, outcomes);
      Duration atMost = BUDGET.plus(SLACK);
      assertAll(name,
          endedWith(outcomes.get(0), RequestTimeoutException.class, AT_LEAST, atMost),
          endedWith(outcomes.get(1), RequestTimeoutException.class, AT_LEAST, atMost),
          endedWith(outcomes.get(2), WaitTimeoutException.class, AT_LEAST, atMost),
          endedWith(outcomes.get(3), WaitTimeoutException.class, AT_LEAST, atMost),
          () -> assertTrue(server.connectionCount() >= 4, "every operation reached the server: "
              + server.connectionCount() + " connections"),
          () -> assertEquals(List.of(), server.unexpectedErrors()));
    }
  }

  @Test
  void aRetryAfterBeyondTheBudgetEndsTheWaitAndTheCallOnTime() throws Exception {
    try (HostileServer server = HostileServer.start(
             HostileServer.respond(429, THROTTLED, "Content-Type: application/json", "Retry-After: 30"));
         SfsTurboJobsClient client = clientBuilder(server.url()).build()) {
      JobWaiter waiter = client.waiter();
      Duration budget = Duration.ofSeconds(1);
      List<Outcome> outcomes = concurrently(List.of("show", "showAsync", "waitFor", "waitForAsync"), List.of(
          () -> client.showJobDetail("j", callOptions(budget)),
          () -> client.showJobDetailAsync("j", callOptions(budget)).get(30, TimeUnit.SECONDS),
          () -> waiter.waitFor("j", waitOptions(budget)),
          () -> waiter.waitForAsync("j", waitOptions(budget)).get(30, TimeUnit.SECONDS)));
      print("retryAfter30", outcomes);
      Duration atMost = Duration.ofSeconds(2);
      assertAll("Retry-After: 30",
          endedWith(outcomes.get(0), RequestTimeoutException.class, Duration.ZERO, atMost),
          endedWith(outcomes.get(1), RequestTimeoutException.class, Duration.ZERO, atMost),
          endedWith(outcomes.get(2), WaitTimeoutException.class, Duration.ZERO, atMost),
          endedWith(outcomes.get(3), WaitTimeoutException.class, Duration.ZERO, atMost),
          () -> assertTrue(String.valueOf(outcomes.get(2).failure()).contains("server asked to wait 30s"),
              outcomes.get(2)::toString),
          () -> assertTrue(String.valueOf(outcomes.get(3).failure()).contains("server asked to wait 30s"),
              outcomes.get(3)::toString));
    }
  }

  @Test
  void theClientsAttemptTimeoutBoundsEachAttemptOfACallWithoutOptions() throws Exception {
    try (HostileServer server = HostileServer.start(HostileServer.slowBody(PADDED_JOB, Duration.ofMillis(200)));
         SfsTurboJobsClient client = clientBuilder(server.url())
             .overrideConfiguration(o -> o.attemptTimeout(Duration.ofMillis(800)).callTimeout(Duration.ofSeconds(2)))
             .build()) {
      List<Outcome> outcomes = concurrently(List.of("show", "showAsync"), List.of(
          () -> client.showJobDetail("j"),
          () -> client.showJobDetailAsync("j").get(30, TimeUnit.SECONDS)));
      print("clientDefaults", outcomes);
      Duration atMost = Duration.ofSeconds(3);
      assertAll("attemptTimeout 800 ms, callTimeout 2 s",
          endedWith(outcomes.get(0), RequestTimeoutException.class, Duration.ofMillis(700), atMost),
          endedWith(outcomes.get(1), RequestTimeoutException.class, Duration.ofMillis(700), atMost),
          // Attempts of 800 ms in a 2 s budget: each call was retried at least once.
          () -> assertTrue(server.requestCount() >= 4, "requests: " + server.requestCount()));
    }
  }
}
