// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.sfsturbo.jobs.telemetry.AttemptListener;
import io.sfsturbo.jobs.telemetry.AttemptOutcome;
import io.sfsturbo.jobs.testkit.telemetry.FakeAttempt;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the emulator cannot show quickly: a long Retry-After, a cancelled attempt, a default https port. */
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
}
