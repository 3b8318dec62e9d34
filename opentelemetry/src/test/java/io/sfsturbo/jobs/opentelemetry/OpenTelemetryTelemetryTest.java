// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.opentelemetry;

import static io.sfsturbo.jobs.testsupport.AdapterBench.fastPolls;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.testkit.EmulatorAuth;
import io.sfsturbo.jobs.testkit.Fault;
import io.sfsturbo.jobs.testkit.JobScript;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import io.sfsturbo.jobs.testsupport.AdapterBench;
import io.sfsturbo.jobs.waiter.JobFailedException;
import io.sfsturbo.jobs.waiter.JobWaiter;
import io.sfsturbo.jobs.waiter.WaitResult;
import io.sfsturbo.jobs.waiter.WaitTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The adapter against the emulator, through OpenTelemetry's own test kit ({@link OpenTelemetryExtension}:
 * an SDK with in-memory span and metric readers). Short delays and timeouts: the class runs in about a second.
 */
class OpenTelemetryTelemetryTest {
  static final String ATTEMPT_SPAN = "GET /v1/{project_id}/sfs-turbo/jobs/{job_id}";
  static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  @RegisterExtension
  static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

  private AdapterBench bench;
  private SfsTurboEmulator emulator;
  private SfsTurboJobsClient client;

  private void start(EmulatorAuth auth) {
    bench = AdapterBench.start(auth, OpenTelemetryTelemetry.create(otel.getOpenTelemetry()));
    emulator = bench.emulator;
    client = bench.client;
  }

  @AfterEach
  void close() {
    if (bench != null) {
      bench.close();
    }
  }

  private static List<SpanData> spans(String name) {
    return otel.getSpans().stream().filter(s -> s.getName().equals(name))
        .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).collect(Collectors.toList());
  }

  private static MetricData metric(String name) {
    return otel.getMetrics().stream().filter(m -> m.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + name + " in " + otel.getMetrics()));
  }

  private static Collection<HistogramPointData> histogram(String name) {
    return metric(name).getHistogramData().getPoints();
  }

  private static long count(String histogram, Attributes attributes) {
    return histogram(histogram).stream().filter(p -> p.getAttributes().equals(attributes))
        .mapToLong(HistogramPointData::getCount).sum();
  }

  private Attributes httpAttributes(long status, String errorType) {
    var b = Attributes.builder()
        .put("http.request.method", "GET")
        .put("server.address", emulator.endpoint().getHost())
        .put("server.port", (long) emulator.endpoint().getPort())
        .put("url.template", "/v1/{project_id}/sfs-turbo/jobs/{job_id}")
        .put(STATUS, status);
    if (errorType != null) {
      b.put(ERROR_TYPE, errorType);
    }
    return b.build();
  }

  @Test
  void aRetriedCallIsOneClientSpanPerAttemptWithTheHttpConventions() {
    start(EmulatorAuth.token(AdapterBench.TOKEN));
    emulator.addJob(JobScript.builder("job-r").succeeds().build());
    emulator.enqueueFaults("job-r", Fault.SERVICE_UNAVAILABLE, Fault.INTERNAL_ERROR);

    client.showJobDetail("job-r");

    List<SpanData> attempts = spans(ATTEMPT_SPAN);
    assertEquals(3, attempts.size());
    for (SpanData s : attempts) {
      assertEquals(SpanKind.CLIENT, s.getKind());
      assertTrue(s.hasEnded());
      assertEquals("GET", s.getAttributes().get(AttributeKey.stringKey("http.request.method")));
      assertEquals(emulator.endpoint().getHost(), s.getAttributes().get(AttributeKey.stringKey("server.address")));
      assertEquals((long) emulator.endpoint().getPort(), s.getAttributes().get(AttributeKey.longKey("server.port")));
      assertEquals("http://" + emulator.endpoint().getHost() + ":" + emulator.endpoint().getPort()
          + "/v1/REDACTED/sfs-turbo/jobs/job-r", s.getAttributes().get(AttributeKey.stringKey("url.full")));
      assertEquals("job-r", s.getAttributes().get(AttributeKey.stringKey("sfsturbo.job.id")));
      assertNotNull(s.getAttributes().get(AttributeKey.stringKey("sfsturbo.request_id")));
    }
    SpanData first = attempts.get(0);
    assertEquals(503L, first.getAttributes().get(STATUS));
    assertEquals("503", first.getAttributes().get(ERROR_TYPE));
    assertEquals(StatusCode.ERROR, first.getStatus().getStatusCode());
    assertEquals("SFS.TURBO.0005", first.getAttributes().get(AttributeKey.stringKey("sfsturbo.error_code")));
    assertNotNull(first.getAttributes().get(AttributeKey.longKey("sfsturbo.retry_delay_ms")));
    assertNull(first.getAttributes().get(AttributeKey.longKey("http.request.resend_count")));
    assertEquals(1L, attempts.get(1).getAttributes().get(AttributeKey.longKey("http.request.resend_count")));
    SpanData last = attempts.get(2);
    assertEquals(2L, last.getAttributes().get(AttributeKey.longKey("http.request.resend_count")));
    assertEquals(200L, last.getAttributes().get(STATUS));
    assertNull(last.getAttributes().get(ERROR_TYPE));
    assertEquals(StatusCode.UNSET, last.getStatus().getStatusCode());
    assertNull(last.getAttributes().get(AttributeKey.longKey("sfsturbo.retry_delay_ms")), "no attempt follows");
    // The three attempts of one call share the caller's trace (here none: three roots).
    HistogramPointData any = histogram(SfsTurboOtel.REQUEST_DURATION).iterator().next();
    assertEquals(Instruments.HTTP_BUCKETS, any.getBoundaries(), "the conventions' advised buckets");
    assertEquals(1, count(SfsTurboOtel.REQUEST_DURATION, httpAttributes(503, "503")));
    assertEquals(1, count(SfsTurboOtel.REQUEST_DURATION, httpAttributes(500, "500")));
    assertEquals(1, count(SfsTurboOtel.REQUEST_DURATION, httpAttributes(200, null)));
    assertEquals("s", metric(SfsTurboOtel.REQUEST_DURATION).getUnit());
  }

  @Test
  void aThrottledAttemptCountsAndMarksItsSpan() {
    start(EmulatorAuth.token(AdapterBench.TOKEN));
    emulator.addJob(JobScript.builder("job-t").succeeds().build());
    emulator.enqueueFaults("job-t", Fault.THROTTLED_NO_RETRY_AFTER);

    client.showJobDetail("job-t");

    SpanData throttled = spans(ATTEMPT_SPAN).get(0);
    assertEquals(429L, throttled.getAttributes().get(STATUS));
    assertEquals("throttled", throttled.getAttributes().get(AttributeKey.stringKey("sfsturbo.outcome")));
    assertEquals(SfsTurboOtel.THROTTLED_EVENT, throttled.getEvents().get(0).getName());
    assertEquals(1, count(SfsTurboOtel.REQUEST_DURATION, httpAttributes(429, "429")));
    List<LongPointData> points = new ArrayList<>(metric(SfsTurboOtel.THROTTLED).getLongSumData().getPoints());
    assertEquals(1, points.size());
    assertEquals(1, points.get(0).getValue());
  }

  @Test
  void aWaitIsOneSpanParentOfItsPollsWithItsMetrics() {
    start(EmulatorAuth.token(AdapterBench.TOKEN));
    emulator.addJob(JobScript.builder("job-s").status("running", 2).succeeds().build());

    WaitResult done = client.waiter().waitFor("job-s", fastPolls(Duration.ofSeconds(10)));

    SpanData wait = spans(SfsTurboOtel.WAIT_SPAN).get(0);
    assertEquals(SpanKind.INTERNAL, wait.getKind());
    assertEquals("success", wait.getAttributes().get(AttributeKey.stringKey("sfsturbo.wait.outcome")));
    assertEquals((long) done.polls(), wait.getAttributes().get(AttributeKey.longKey("sfsturbo.wait.polls")));
    assertEquals("success", wait.getAttributes().get(AttributeKey.stringKey("sfsturbo.job.status")));
    assertEquals("job-s", wait.getAttributes().get(AttributeKey.stringKey("sfsturbo.job.id")));
    assertEquals(StatusCode.UNSET, wait.getStatus().getStatusCode());
    List<String> changes = wait.getEvents().stream()
        .filter(e -> e.getName().equals(SfsTurboOtel.STATUS_CHANGE_EVENT))
        .map(e -> e.getAttributes().get(AttributeKey.stringKey("sfsturbo.job.status.previous")) + "->"
            + e.getAttributes().get(AttributeKey.stringKey("sfsturbo.job.status")))
        .collect(Collectors.toList());
    assertEquals(Arrays.asList("null->running", "running->success"), changes);
    List<SpanData> polls = spans(ATTEMPT_SPAN);
    assertEquals(done.polls(), polls.size());
    for (SpanData poll : polls) {
      assertEquals(wait.getSpanId(), poll.getParentSpanId(), "each poll's span is a child of the wait's");
      assertEquals(wait.getTraceId(), poll.getTraceId());
    }
    Attributes success = Attributes.of(AttributeKey.stringKey("sfsturbo.wait.outcome"), "success");
    assertEquals(1, count(SfsTurboOtel.WAIT_DURATION, success));
    HistogramPointData pollCount = histogram(SfsTurboOtel.WAIT_POLLS).iterator().next();
    assertEquals(done.polls(), (long) pollCount.getSum());
  }

  @Test
  void aFailedJobEndsTheWaitSpanInError() {
    start(EmulatorAuth.token(AdapterBench.TOKEN));
    emulator.addJob(JobScript.builder("job-f").status("running", 1).fails("SFS.TURBO.0038", "disk full").build());

    assertThrows(JobFailedException.class,
        () -> client.waiter().waitFor("job-f", fastPolls(Duration.ofSeconds(10))));

    SpanData wait = spans(SfsTurboOtel.WAIT_SPAN).get(0);
    assertEquals("job_failed", wait.getAttributes().get(AttributeKey.stringKey("sfsturbo.wait.outcome")));
    assertEquals("failed", wait.getAttributes().get(AttributeKey.stringKey("sfsturbo.job.status")));
    assertEquals(2L, wait.getAttributes().get(AttributeKey.longKey("sfsturbo.wait.polls")));
    assertEquals(StatusCode.ERROR, wait.getStatus().getStatusCode());
    assertEquals(1, count(SfsTurboOtel.WAIT_DURATION,
        Attributes.of(AttributeKey.stringKey("sfsturbo.wait.outcome"), "job_failed")));
    // The HTTP exchanges succeeded: the job failed, not the calls.
    assertEquals(2, count(SfsTurboOtel.REQUEST_DURATION, httpAttributes(200, null)));
  }

  @Test
  void aWaitPastItsDeadlineEndsAsTimeout() {
    start(EmulatorAuth.token(AdapterBench.TOKEN));
    emulator.addJob(JobScript.builder("job-x").status("running", 1).neverEnds().build());

    WaitTimeoutException e = assertThrows(WaitTimeoutException.class,
        () -> client.waiter().waitFor("job-x", fastPolls(Duration.ofMillis(300))));

    SpanData wait = spans(SfsTurboOtel.WAIT_SPAN).get(0);
    assertEquals("timeout", wait.getAttributes().get(AttributeKey.stringKey("sfsturbo.wait.outcome")));
    assertEquals((long) e.polls(), wait.getAttributes().get(AttributeKey.longKey("sfsturbo.wait.polls")));
    assertEquals(300L, wait.getAttributes().get(AttributeKey.longKey("sfsturbo.wait.timeout_ms")));
    Attributes timeout = Attributes.of(AttributeKey.stringKey("sfsturbo.wait.outcome"), "timeout");
    assertEquals(1, count(SfsTurboOtel.WAIT_DURATION, timeout));
    double seconds = histogram(SfsTurboOtel.WAIT_DURATION).iterator().next().getSum();
    assertTrue(seconds >= 0.1 && seconds < 5, "the wait's duration: " + seconds);
    assertTrue(otel.getSpans().stream().allMatch(SpanData::hasEnded));
  }

  /** The scenarios above and failures that echo requests, then every name, attribute and event read for secrets. */
  @ParameterizedTest
  @MethodSource("io.sfsturbo.jobs.testsupport.AdapterBench#auths")
  void noSecretInAnyAttributeOrEvent(EmulatorAuth auth) {
    start(auth);
    bench.runEveryScenario();

    List<String> seen = new ArrayList<>();
    for (SpanData s : otel.getSpans()) {
      seen.add(s.getName());
      s.getAttributes().forEach((k, v) -> seen.add(k.getKey() + "=" + v));
      s.getEvents().forEach(e -> {
        seen.add(e.getName());
        e.getAttributes().forEach((k, v) -> seen.add(k.getKey() + "=" + v));
      });
    }
    for (MetricData m : otel.getMetrics()) {
      seen.add(m.getName());
      m.getData().getPoints().forEach(p -> p.getAttributes().forEach((k, v) -> seen.add(k.getKey() + "=" + v)));
    }
    assertTrue(seen.stream().anyMatch(v -> v.contains("REDACTED")), "url.full is there, without the project id");
    bench.assertNoSecretIn(seen);
  }
}
