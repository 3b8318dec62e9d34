// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.errors.ThrottledException;
import io.sfsturbo.jobs.retry.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The emulator as a real gateway: a round-trip latency and a request-rate limit. */
@Timeout(30)
class EmulatorGatewayTest {
  @Test
  void rateLimitRefusesBeyondTheRateWithRetryAfterAndRefillsOnTheClock() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-29T00:00:00Z"));
    try (SfsTurboEmulator emulator = SfsTurboEmulator.builder().clock(clock).rateLimit(2).build().start();
        SfsTurboJobsClient client = emulator.clientBuilder().overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())).build()) {
      emulator.addJob(JobScript.builder("job-1").status("running", 100).succeeds().build());
      client.showJobDetail("job-1");
      client.showJobDetail("job-1");
      ThrottledException e = assertThrows(ThrottledException.class, () -> client.showJobDetail("job-1"));
      assertEquals(Duration.ofSeconds(1), e.retryAfter());
      assertEquals("APIGW.0308", e.errorCode());
      clock.advance(Duration.ofMillis(500));
      client.showJobDetail("job-1");
      assertThrows(ThrottledException.class, () -> client.showJobDetail("job-1"));
      assertEquals(2, emulator.throttledRequests());
      assertEquals(5, emulator.requestsServed());
      assertEquals(3, emulator.pollsServed("job-1"));
      assertEquals(429, emulator.journal().get(2).status());
      assertEquals(Fault.THROTTLED, emulator.journal().get(2).fault());
    }
  }

  @Test
  void latencyDelaysEveryAnswer() {
    try (SfsTurboEmulator emulator = SfsTurboEmulator.builder().latency(Duration.ofMillis(150)).build().start();
        SfsTurboJobsClient client = emulator.newClient()) {
      emulator.addJob(JobScript.builder("job-1").status("running", 100).succeeds().build());
      client.showJobDetail("job-1");
      long start = System.nanoTime();
      client.showJobDetail("job-1");
      long tookMillis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(tookMillis >= 150, "took " + tookMillis + " ms");
    }
  }

  @Test
  void randomLatencyStaysWithinItsRangeAndBadRangesAreRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> SfsTurboEmulator.builder().latency(Duration.ofMillis(20), Duration.ofMillis(10), 1));
    assertThrows(IllegalArgumentException.class, () -> SfsTurboEmulator.builder().rateLimit(-1));
    try (SfsTurboEmulator emulator = SfsTurboEmulator.builder()
        .latency(Duration.ofMillis(40), Duration.ofMillis(60), 7).build().start();
        SfsTurboJobsClient client = emulator.newClient()) {
      emulator.addJob(JobScript.builder("job-1").status("running", 100).succeeds().build());
      client.showJobDetail("job-1");
      for (int i = 0; i < 3; i++) {
        long start = System.nanoTime();
        client.showJobDetail("job-1");
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMillis >= 40, "took " + tookMillis + " ms");
      }
    }
  }

  @Test
  void withoutAJournalTheCountersStillCount() {
    try (SfsTurboEmulator emulator = SfsTurboEmulator.builder().journal(false).build().start();
        SfsTurboJobsClient client = emulator.newClient()) {
      emulator.addJob(JobScript.builder("job-1").status("running", 100).succeeds().build());
      client.showJobDetail("job-1");
      client.showJobDetail("job-1");
      assertEquals(0, emulator.journal().size());
      assertEquals(2, emulator.requestsServed());
      assertEquals(2, emulator.pollsServed("job-1"));
    }
  }
}
