// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.config.ClientOverrideConfiguration;
import io.sfsturbo.jobs.errors.RequestTimeoutException;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.errors.ThrottledException;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.retry.RetryPolicy;
import io.sfsturbo.jobs.testing.CannedAnswers;
import io.sfsturbo.jobs.testing.CannedAnswers.Answer;
import io.sfsturbo.jobs.testing.FakeTime;
import io.sfsturbo.jobs.testing.Samples;
import io.sfsturbo.jobs.waiter.InvalidCheckpointException;
import io.sfsturbo.jobs.waiter.JobProgressListener;
import io.sfsturbo.jobs.waiter.WaitCheckpoint;
import io.sfsturbo.jobs.waiter.WaitOptions;
import io.sfsturbo.jobs.waiter.WaitResult;
import io.sfsturbo.jobs.waiter.WaitStep;
import io.sfsturbo.jobs.waiter.WaitTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Accepted inputs at their extremes, run through whole calls and waits on virtual time against a scripted
 * transport: options of any scale, checkpoints with a valid checksum and any field values, and a gateway
 * that throttles forever. Each ends in a result or a documented exception within its deadline: never an
 * arithmetic overflow, a negative or wrapped count, or a deadline missed. No real sleep.
 */
@Timeout(120)
class ExtremeWaitsTest {
  private static final JobProgressListener QUIET = new JobProgressListener() {};
  private static final Duration YEAR = Duration.ofDays(365);

  @Test
  void waitsWithAcceptedOptionsOfAnyScaleEndWithinTheirTimeout() throws Exception {
    Random r = Samples.random("wait options");
    List<WaitOptions> cases = new ArrayList<>();
    cases.add(WaitOptions.builder().initialDelay(YEAR).pollInterval(YEAR).maxInterval(YEAR).timeout(YEAR)
        .backoffMultiplier(Double.MAX_VALUE).jitter(0.5).maxAttempts(Integer.MAX_VALUE)
        .maxConsecutiveTransientErrors(Integer.MAX_VALUE).notFoundGracePeriod(YEAR).build());
    cases.add(WaitOptions.builder().initialDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
        .maxInterval(Duration.ofMillis(1)).timeout(Duration.ofMillis(1)).backoffMultiplier(1).jitter(0)
        .maxAttempts(1).maxConsecutiveTransientErrors(1).notFoundGracePeriod(Duration.ZERO).build());
    for (int i = 0; i < 120; i++) {
      Duration poll = Samples.durationBetween(r, Duration.ofMillis(1), YEAR);
      cases.add(WaitOptions.builder().initialDelay(Samples.durationBetween(r, Duration.ZERO, YEAR)).pollInterval(poll)
          .maxInterval(Samples.durationBetween(r, poll, YEAR)).timeout(Samples.durationBetween(r, Duration.ofMillis(1), YEAR))
          .backoffMultiplier(1 + Math.pow(10, r.nextDouble() * 300) - 1).jitter(r.nextDouble() / 2)
          .maxAttempts(r.nextInt(3) == 0 ? 0 : 1 + r.nextInt(Integer.MAX_VALUE))
          .maxConsecutiveTransientErrors(1 + r.nextInt(Integer.MAX_VALUE))
          .notFoundGracePeriod(Samples.durationBetween(r, Duration.ZERO, YEAR)).build());
    }
    for (WaitOptions options : cases) {
      ClientOverrideConfiguration client = anyClientConfiguration(r);
      boolean async = r.nextBoolean();
      // Running for three polls, then a success; a throttled answer with any Retry-After now and then.
      String[] retryAfters = {"0", "1", "120", "86400", "99999999999999999999", "-5", "soon", null};
      Answer throttle = Answer.throttled(retryAfters[r.nextInt(retryAfters.length)]);
      boolean throttles = r.nextInt(4) == 0;
      FakeTime time = FakeTime.automatic();
      CannedAnswers wire = new CannedAnswers(time, n -> throttles && n == 1 ? throttle
          : n < 3 ? Answer.status("running") : Answer.status("success"));
      String what = options + " with " + client + (async ? " (async)" : "") + (throttles ? " " + throttle : "");
      try (SfsTurboJobsClient c = wire.clientBuilder().overrideConfiguration(client).build()) {
        long start = time.nanoTime();
        Object outcome = outcome(() -> async ? c.waiter().waitForAsync("job-1", options).get(60, TimeUnit.SECONDS)
            : c.waiter().waitFor("job-1", options));
        long elapsed = time.nanoTime() - start;
        assertTrue(elapsed <= options.timeout().toNanos(), () -> what + ": ended " + Duration.ofNanos(elapsed)
            + " after it started, past its timeout");
        if (outcome instanceof WaitResult) {
          WaitResult result = (WaitResult) outcome;
          assertEquals("success", result.job().status().value(), what);
          assertTrue(result.polls() >= 1 && result.polls() <= wire.requests(), what + ": " + result);
        } else if (outcome instanceof ThrottledException) {
          // The one retry rule: a Retry-After above the policy's cap ends a wait as it ends a call.
          ThrottledException e = documented(outcome, ThrottledException.class, what);
          assertTrue(e.retryAfter() != null && e.retryAfter().compareTo(client.retryPolicy().maxRetryAfter()) > 0,
              () -> what + ": " + e);
        } else {
          WaitTimeoutException e = documented(outcome, WaitTimeoutException.class, what);
          assertTrue(e.polls() >= 0 && e.polls() <= wire.requests(), what + ": " + e);
        }
      }
    }
  }

  @Test
  void callsWithAcceptedConfigurationsOfAnyScaleEndWithinTheirCallTimeout() throws Exception {
    Random r = Samples.random("call configurations");
    for (int i = 0; i < 150; i++) {
      ClientOverrideConfiguration client = anyClientConfiguration(r);
      String retryAfter = r.nextBoolean() ? String.valueOf(r.nextInt(100_000)) : "9223372036854775807";
      int throttled = r.nextInt(4);
      FakeTime time = FakeTime.automatic();
      CannedAnswers wire = new CannedAnswers(time, n -> n < throttled ? Answer.throttled(retryAfter)
          : Answer.status("running"));
      boolean async = r.nextBoolean();
      String what = client + ", " + throttled + " throttled with Retry-After " + retryAfter + (async ? " (async)" : "");
      try (SfsTurboJobsClient c = wire.clientBuilder().overrideConfiguration(client).build()) {
        long start = time.nanoTime();
        Object outcome = outcome(() -> async ? c.showJobDetailAsync("job-1").get(60, TimeUnit.SECONDS)
            : c.showJobDetail("job-1"));
        long elapsed = time.nanoTime() - start;
        assertTrue(elapsed <= client.callTimeout().toNanos(), () -> what + ": ended after "
            + Duration.ofNanos(elapsed) + ", past the call timeout");
        if (!(outcome instanceof JobDetail)) {
          SfsTurboException e = documented(outcome, SfsTurboException.class, what);
          assertTrue(e instanceof ThrottledException || e instanceof RequestTimeoutException,
              () -> what + ": " + e);
        }
      }
    }
  }

  @Test
  void checkpointsWithAValidChecksumAndAnyFieldsResumeOrAreRefused() throws Exception {
    Random r = Samples.random("checkpoint fields");
    WaitCheckpoint base = WaitCheckpoint.builder().jobId("job-1").startedAt(Instant.parse("2026-01-01T00:00:00Z"))
        .takenAt(Instant.parse("2026-01-01T00:00:10Z")).nextDelay(Duration.ofSeconds(2)).polls(3).scheduleStep(2)
        .lastStatus("running").options(WaitOptions.defaults()).build();
    Map<String, String> valid = fields(base.toText());
    String[] hostile = {"", "-", "-0", "+5", "0x10", "1e3", "\u0669", " 1", "NaN", "Infinity", "-Infinity", "1e400",
        "4.9E-324", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "2147483647",
        "2147483648", "-1", "253402300799999", "253402300800000", "31536000000", "31536000001", "%00", "%zz",
        "THROW", "FAIL", "running", "a:b,c:", ",", ":"};
    int parsed = 0;
    int refused = 0;
    List<String> texts = new ArrayList<>();
    texts.add(sign("sfsw2"));
    texts.add(sign("sfsw1"));
    texts.add(sign("sfsw2;"));
    texts.add(sign("sfsw1;o="));
    for (int i = 0; i < 600; i++) {
      Map<String, String> f = new LinkedHashMap<>(valid);
      List<String> keys = new ArrayList<>(f.keySet());
      keys.add("u");
      keys.add("nf");
      keys.add("zz");
      for (int k = 1 + r.nextInt(3); k > 0; k--) {
        String key = keys.get(r.nextInt(keys.size()));
        int pick = r.nextInt(hostile.length + 3);
        if (pick == hostile.length) {
          f.remove(key);
        } else if (pick == hostile.length + 1) {
          f.put(key, Long.toString(r.nextLong()));
        } else if (pick == hostile.length + 2) {
          f.put(key, Long.toString(Samples.longs(key, 1).get(8) % (r.nextInt(1_000_000) + 1)));
        } else {
          f.put(key, hostile[pick]);
        }
      }
      StringBuilder body = new StringBuilder("sfsw2");
      f.forEach((k, v) -> body.append(';').append(k).append('=').append(v));
      texts.add(sign(body.toString()));
    }
    for (String text : texts) {
      WaitCheckpoint checkpoint;
      try {
        checkpoint = WaitCheckpoint.parse(text);
      } catch (InvalidCheckpointException e) {
        assertFalse(e.getMessage().isEmpty(), text);
        refused++;
        continue;
      } catch (RuntimeException e) {
        throw new AssertionError(text + " threw an undocumented " + e, e);
      }
      parsed++;
      assertEquals(checkpoint, WaitCheckpoint.parse(checkpoint.toText()), text);
      resumes(checkpoint, r, text);
    }
    assertTrue(parsed > 20 && refused > 20, "the samples should both pass and fail: " + parsed + " parsed, "
        + refused + " refused");
  }

  /** A checkpoint that parsed resumes, one poll or a whole wait, to a step, a result or its deadline. */
  private static void resumes(WaitCheckpoint checkpoint, Random r, String text) throws Exception {
    FakeTime time = FakeTime.automatic();
    // The process that resumes may run before, at or long after the checkpoint was taken.
    time.at(r.nextBoolean() ? checkpoint.takenAt() : Instant.ofEpochMilli(
        Math.floorMod(r.nextLong(), Instant.parse("9999-12-31T00:00:00Z").toEpochMilli())));
    boolean single = r.nextBoolean();
    CannedAnswers wire = new CannedAnswers(time, n -> Answer.status(single ? "running" : n < 2 ? "running"
        : "success"));
    Instant before = time.now();
    try (SfsTurboJobsClient c = wire.clientBuilder().build()) {
      Object outcome = outcome(() -> single ? c.waiter().pollOnce(checkpoint, QUIET)
          : r.nextBoolean() ? c.waiter().waitFor(checkpoint, QUIET)
          : c.waiter().waitForAsync(checkpoint, QUIET).get(60, TimeUnit.SECONDS));
      Instant after = time.now();
      assertFalse(after.isAfter(checkpoint.deadline().isAfter(before) ? checkpoint.deadline() : before),
          () -> text + ": ended at " + after + ", past the deadline " + checkpoint.deadline());
      if (outcome instanceof WaitStep) {
        WaitStep step = (WaitStep) outcome;
        assertFalse(step.isDone(), text);
        int polls = step.checkpoint().polls();
        assertTrue(polls >= checkpoint.polls() && polls >= 0, () -> text + ": polls went from "
            + checkpoint.polls() + " to " + polls);
      } else if (outcome instanceof WaitResult) {
        int polls = ((WaitResult) outcome).polls();
        assertTrue(polls >= checkpoint.polls() && polls >= 0, () -> text + ": polls went from "
            + checkpoint.polls() + " to " + polls);
      } else {
        WaitTimeoutException e = documented(outcome, WaitTimeoutException.class, text);
        assertTrue(e.polls() >= checkpoint.polls(), () -> text + ": " + e);
      }
    }
  }

  @Test
  void aGatewayThatAnswersRetryAfterZeroForeverIsPolledUntilNoPollFits() throws Exception {
    FakeTime time = FakeTime.automatic();
    CannedAnswers wire = new CannedAnswers(time, n -> Answer.throttled("0"));
    WaitOptions options = WaitOptions.builder().timeout(Duration.ofSeconds(10)).build();
    try (SfsTurboJobsClient c = wire.clientBuilder().build()) {
      long start = time.nanoTime();
      Object outcome = outcome(() -> c.waiter().waitFor("job-1", options));
      WaitTimeoutException e = documented(outcome, WaitTimeoutException.class, "throttled forever");
      List<Long> requests = wire.requestNanos();
      long lastPoll = requests.get(requests.size() - 1) - start;
      // The final window of a 10 s wait is its last second: a poll starts there, then none can fit.
      assertTrue(lastPoll >= TimeUnit.SECONDS.toNanos(9), "the last poll started at " + Duration.ofNanos(lastPoll)
          + ", before the final window");
      assertTrue(time.nanoTime() - start <= TimeUnit.SECONDS.toNanos(10), "past the deadline");
      assertFalse(e.getMessage().contains("asked to wait"), "the server asked for no wait: " + e.getMessage());
      assertTrue(e.getMessage().contains("10s deadline"), e.getMessage());
      assertTrue(e.getCause() instanceof ThrottledException, "the last failure is kept: " + e.getCause());
    }
  }

  /** Any accepted client configuration: timeouts from 1 ms to a day, retries of any count, delays up to a year. */
  private static ClientOverrideConfiguration anyClientConfiguration(Random r) {
    Duration call = Samples.durationBetween(r, Duration.ofMillis(1), ClientOverrideConfiguration.MAX_TIMEOUT);
    Duration attempt = Samples.durationBetween(r, Duration.ofMillis(1), ClientOverrideConfiguration.MAX_TIMEOUT);
    Duration huge = YEAR;
    Duration base = r.nextInt(5) == 0 ? huge : Samples.durationBetween(r, Duration.ZERO, YEAR);
    Duration max = r.nextInt(3) == 0 ? huge : Samples.durationBetween(r, base, YEAR);
    RetryPolicy retry = RetryPolicy.builder().maxAttempts(1 + r.nextInt(Integer.MAX_VALUE)).baseDelay(base)
        .maxDelay(max).maxRetryAfter(r.nextInt(4) == 0 ? huge : Samples.durationBetween(r, Duration.ZERO, YEAR))
        .build();
    return ClientOverrideConfiguration.builder().callTimeout(call).attemptTimeout(attempt).retryPolicy(retry).build();
  }

  /** Runs an operation to its value or its exception (unwrapped from an async future). */
  private static Object outcome(Operation op) {
    try {
      return op.run();
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      return e;
    }
  }

  private interface Operation {
    Object run() throws Exception;
  }

  /** Asserts that an outcome is the documented exception, with no arithmetic failure anywhere in its causes. */
  private static <E extends Throwable> E documented(Object outcome, Class<E> type, String what) {
    if (!type.isInstance(outcome)) {
      throw new AssertionError(what + ": ended in " + outcome, outcome instanceof Throwable ? (Throwable) outcome
          : null);
    }
    for (Throwable t = (Throwable) outcome; t != null; t = t.getCause()) {
      if (t instanceof ArithmeticException || t.getClass() == SfsTurboException.class) {
        throw new AssertionError(what + ": an undocumented failure inside " + outcome, (Throwable) outcome);
      }
    }
    return type.cast(outcome);
  }

  private static Map<String, String> fields(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    String body = text.substring(0, text.lastIndexOf(";c="));
    for (String part : body.substring(body.indexOf(';') + 1).split(";")) {
      int eq = part.indexOf('=');
      out.put(part.substring(0, eq), part.substring(eq + 1));
    }
    return out;
  }

  /** Appends the checksum the codec expects, so that only the fields' values are on trial. */
  private static String sign(String body) {
    CRC32 crc = new CRC32();
    crc.update(body.getBytes(StandardCharsets.UTF_8));
    return body + ";c=" + String.format(Locale.ROOT, "%08x", crc.getValue());
  }
}
