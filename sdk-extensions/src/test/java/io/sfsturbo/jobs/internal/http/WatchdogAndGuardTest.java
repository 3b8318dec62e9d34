// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.testing.FakeTime;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * The attempt's bound fires exactly when its time has passed at a sweep, each timer once, with sweeps only
 * while a timer is armed; the first interceptor turns any RuntimeException after it into an IOException.
 */
class WatchdogAndGuardTest {
  private final FakeTime time = FakeTime.manual();
  private final AttemptWatchdog watchdog = new AttemptWatchdog(time);

  @Test
  void aTimerFiresAtTheFirstSweepAtOrPastItsBoundAndEachTimerOnce() {
    List<String> fired = new ArrayList<>();
    // Sweeps come every 100 ms from the first arming: at 100, 200, 300 ...
    AttemptWatchdog.Timer exact = watchdog.arm(TimeUnit.MILLISECONDS.toNanos(200), () -> fired.add("200"));
    AttemptWatchdog.Timer later = watchdog.arm(TimeUnit.MILLISECONDS.toNanos(201), () -> fired.add("201"));
    assertEquals(1, time.pendingTasks(), "one sweep for both");
    time.advanceMillis(199);
    assertEquals(List.of(), fired);
    time.advanceMillis(1);
    assertEquals(List.of("200"), fired, "a bound of 200 ms is up at 200 ms");
    assertTrue(exact.fired());
    assertFalse(later.fired());
    assertEquals(1, watchdog.armedCount());
    time.advanceMillis(100);
    assertEquals(List.of("200", "201"), fired);
    assertTrue(later.fired());
    exact.disarm();
    time.advanceMillis(1_000);
    assertEquals(2, fired.size(), "each fires once");
    assertEquals(0, time.pendingTasks(), "no sweep once nothing is armed");
  }

  @Test
  void aTimerArmedWhileSweepsRunJoinsThemAndDisarmingOneLeavesTheOthers() {
    List<String> fired = new ArrayList<>();
    AttemptWatchdog.Timer a = watchdog.arm(TimeUnit.SECONDS.toNanos(10), () -> fired.add("a"));
    time.advanceMillis(150);
    watchdog.arm(TimeUnit.MILLISECONDS.toNanos(100), () -> fired.add("b"));
    assertEquals(1, time.pendingTasks(), "no second sweep");
    a.disarm();
    assertEquals(1, watchdog.armedCount());
    time.advanceMillis(200);
    assertEquals(List.of("b"), fired);
    assertFalse(a.fired());
    assertEquals(0, time.pendingTasks());
  }

  @Test
  void aSchedulerThatRefusesFiresEveryTimerArmedAtOnceNotOnlyTheFirst() {
    io.sfsturbo.jobs.time.TimeSource refusing = new io.sfsturbo.jobs.time.TimeSource() {
      @Override
      public long nanoTime() {
        return time.nanoTime();
      }

      @Override
      public java.time.Instant now() {
        return time.now();
      }

      @Override
      public java.util.concurrent.ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        throw new java.util.concurrent.RejectedExecutionException("shut down");
      }

      @Override
      public double jitter() {
        return 0;
      }
    };
    AttemptWatchdog dead = new AttemptWatchdog(refusing);
    List<String> fired = new ArrayList<>();
    dead.arm(TimeUnit.SECONDS.toNanos(10), () -> fired.add("first"));
    dead.arm(TimeUnit.SECONDS.toNanos(10), () -> fired.add("second"));
    assertEquals(List.of("first", "second"), fired, "no attempt runs unbounded");
    assertEquals(0, dead.armedCount());
  }

  @Test
  void theGuardTurnsARuntimeExceptionAfterItIntoAnIoExceptionAndLetsIoExceptionsThrough() throws IOException {
    IllegalStateException bug = new IllegalStateException("bug");
    IOException io = new IOException("reset");
    for (Exception thrown : new Exception[] {bug, io}) {
      OkHttpClient http = new OkHttpClient.Builder().addInterceptor(new InterceptorBugGuard()).addInterceptor(c -> {
        if (thrown instanceof IOException) {
          throw (IOException) thrown;
        }
        throw (RuntimeException) thrown;
      }).build();
      IOException e = assertThrows(IOException.class,
          () -> http.newCall(new Request.Builder().url("http://127.0.0.1:9/").build()).execute());
      if (thrown == bug) {
        assertTrue(e instanceof InterceptorBugGuard.Bug, e.toString());
        assertSame(bug, e.getCause());
        assertEquals(bug.toString(), e.getMessage());
      } else {
        assertSame(io, e);
      }
    }
    OkHttpClient answering = new OkHttpClient.Builder().addInterceptor(new InterceptorBugGuard())
        .addInterceptor(c -> new Response.Builder().request(c.request()).protocol(Protocol.HTTP_1_1).code(204)
            .message("No Content").build()).build();
    try (Response r = answering.newCall(new Request.Builder().url("http://127.0.0.1:9/").build()).execute()) {
      assertEquals(204, r.code(), "an answer passes unchanged");
    }
  }

  @Test
  void nestingIsAcceptedToItsLimitAndRefusedOneLevelDeeper() {
    for (String open : new String[] {"[", "{\"a\":"}) {
      String close = open.equals("[") ? "]" : "}";
      assertEquals(null, StrictJson.problem(open.repeat(StrictJson.MAX_DEPTH) + "1" + close.repeat(StrictJson.MAX_DEPTH)),
          open + " at the limit");
      assertEquals("the response body nests deeper than " + StrictJson.MAX_DEPTH + " levels",
          StrictJson.problem(open.repeat(StrictJson.MAX_DEPTH + 1) + "1" + close.repeat(StrictJson.MAX_DEPTH + 1)),
          open + " past the limit");
    }
    assertEquals(null, StrictJson.problem("1"), "a lone value is one value");
    assertTrue(StrictJson.problem("").startsWith("the response body is not valid JSON"));
    assertTrue(StrictJson.problem("[1,]").startsWith("the response body is not valid JSON"));
    assertTrue(StrictJson.problem("{\"a\":NaN}").startsWith("the response body is not valid JSON"));
    // What Gson's legacy strictness lets through, RFC 8259 does not: a raw control character (in a key or in a
    // value, nested or not), an escaped single quote.
    for (String notJson : new String[] {"{\"a\u0001\":1}", "{\"status\":\"run\u0001ning\"}",
        "{\"a\":[\"x\u001fy\"]}", "\"\u0000\"", "{\"a\":\"it\\'s\"}"}) {
      String problem = StrictJson.problem(notJson);
      assertTrue(problem != null && problem.startsWith("the response body is not valid JSON"), notJson + ": " + problem);
    }
    assertEquals(null, StrictJson.problem("{\"a\":\"tab\\t and \\u0001 escaped\"}"), "escaped, they are JSON");
    assertEquals("the response body has the key 'k' twice in $[1], so its meaning is ambiguous",
        StrictJson.problem("[{\"k\":1},{\"k\":1,\"k\":2}]"));
    assertEquals("the response body has the key 'k' twice in $.o.p, so its meaning is ambiguous",
        StrictJson.problem("{\"o\":{\"p\":{\"k\":[1],\"k\":{}}}}"));
  }
}
