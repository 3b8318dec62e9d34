// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.sfsturbo.jobs.telemetry.AttemptListener;
import io.sfsturbo.jobs.telemetry.AttemptOutcome;
import io.sfsturbo.jobs.testsupport.FakeAttempt;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the emulator cannot show quickly: a long Retry-After, a cancelled attempt, a default https port,
 * an attempt the sampler drops.
 */
class AttemptSpanTest {
  @RegisterExtension
  static final OpenTelemetryExtension otel = OpenTelemetryExtension.create();

  @Test
  void aThrottledAttemptCarriesTheServersRetryAfter() {
    FakeAttempt a = new FakeAttempt();
    AttemptListener l = OpenTelemetryTelemetry.create(otel.getOpenTelemetry()).attemptStarted(a);
    a.outcome = AttemptOutcome.THROTTLED;
    a.status = 429;
    a.retryAfter = Duration.ofSeconds(2);
    a.retryDelay = Duration.ofSeconds(2);
    l.throttled(a);
    l.attemptEnded(a);

    SpanData span = otel.getSpans().get(0);
    assertEquals(2000L, span.getEvents().get(0).getAttributes().get(AttributeKey.longKey("sfsturbo.retry_after_ms")));
    assertEquals(2000L, span.getAttributes().get(AttributeKey.longKey("sfsturbo.retry_delay_ms")));
    assertEquals("ShowJobDetail", span.getAttributes().get(AttributeKey.stringKey("sfsturbo.operation")));
    assertEquals("https://sfs-turbo.example.com:443/v1/REDACTED/sfs-turbo/jobs/job-1",
        span.getAttributes().get(AttributeKey.stringKey("url.full")));
  }

  @Test
  void aCancelledAttemptIsAnErrorWithoutAStatusCode() {
    FakeAttempt a = new FakeAttempt();
    AttemptListener l = OpenTelemetryTelemetry.create(otel.getOpenTelemetry()).attemptStarted(a);
    a.outcome = AttemptOutcome.CANCELLED;
    l.attemptEnded(a);

    SpanData span = otel.getSpans().get(0);
    assertEquals("cancelled", span.getAttributes().get(AttributeKey.stringKey("error.type")));
    assertNull(span.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
    assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode());
  }

  @Test
  void anUnsampledAttemptBuildsOnlyWhatSamplersSeeAndStillCountsInTheMetrics() {
    InMemoryMetricReader metrics = InMemoryMetricReader.create();
    try (OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().setSampler(Sampler.alwaysOff()).build())
        .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
        .build()) {
      List<String> read = new ArrayList<>();
      FakeAttempt a = new FakeAttempt() {
        // What only the span's own attributes need: url.full, the job, the operation, the request id.
        @Override public String urlScheme() { read.add("urlScheme"); return super.urlScheme(); }
        @Override public String jobId() { read.add("jobId"); return super.jobId(); }
        @Override public String operation() { read.add("operation"); return super.operation(); }
        @Override public String requestId() { read.add("requestId"); return super.requestId(); }
      };
      AttemptListener l = OpenTelemetryTelemetry.create(sdk).attemptStarted(a);
      a.outcome = AttemptOutcome.THROTTLED;
      a.status = 429;
      a.retryAfter = Duration.ofSeconds(2);
      l.throttled(a);
      l.attemptEnded(a);

      // url.full is built at the start, for samplers (the conventions list it among their inputs); nothing else.
      assertEquals(List.of("jobId", "urlScheme"), read, "only url.full built for a span that is not recorded");
      MetricData duration = metrics.collectAllMetrics().stream()
          .filter(m -> m.getName().equals(SfsTurboOtel.REQUEST_DURATION)).findFirst().orElseThrow();
      HistogramPointData point = duration.getHistogramData().getPoints().iterator().next();
      assertEquals(1, point.getCount());
      assertEquals("sfs-turbo.example.com", point.getAttributes().get(AttributeKey.stringKey("server.address")));
      assertEquals(429L, point.getAttributes().get(AttributeKey.longKey("http.response.status_code")));
    }
  }
}
