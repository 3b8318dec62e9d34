// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.opentelemetry;

import static io.sfsturbo.jobs.opentelemetry.SfsTurboOtel.ERROR_CODE;
import static io.sfsturbo.jobs.opentelemetry.SfsTurboOtel.ERROR_TYPE;
import static io.sfsturbo.jobs.opentelemetry.SfsTurboOtel.HTTP_REQUEST_METHOD;
import static io.sfsturbo.jobs.opentelemetry.SfsTurboOtel.HTTP_STATUS;
import static io.sfsturbo.jobs.opentelemetry.SfsTurboOtel.JOB_ID;
import static io.sfsturbo.jobs.opentelemetry.SfsTurboOtel.OPERATION;
import static io.sfsturbo.jobs.opentelemetry.SfsTurboOtel.OUTCOME;
import static io.sfsturbo.jobs.opentelemetry.SfsTurboOtel.REQUEST_ID;
import static io.sfsturbo.jobs.opentelemetry.SfsTurboOtel.RESEND_COUNT;
import static io.sfsturbo.jobs.opentelemetry.SfsTurboOtel.RETRY_AFTER_MS;
import static io.sfsturbo.jobs.opentelemetry.SfsTurboOtel.RETRY_DELAY_MS;
import static io.sfsturbo.jobs.opentelemetry.SfsTurboOtel.SERVER_ADDRESS;
import static io.sfsturbo.jobs.opentelemetry.SfsTurboOtel.SERVER_PORT;
import static io.sfsturbo.jobs.opentelemetry.SfsTurboOtel.URL_FULL;
import static io.sfsturbo.jobs.opentelemetry.SfsTurboOtel.URL_TEMPLATE;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.sfsturbo.jobs.telemetry.AttemptEvent;
import io.sfsturbo.jobs.telemetry.AttemptListener;
import io.sfsturbo.jobs.telemetry.AttemptOutcome;

/** One attempt's HTTP client span, and its sample of {@code http.client.request.duration}. */
final class AttemptSpan implements AttemptListener {
  private final OpenTelemetryTelemetry otel;
  private final Span span;
  private final long startNanos = System.nanoTime();

  AttemptSpan(OpenTelemetryTelemetry otel, AttemptEvent a, Context parent) {
    this.otel = otel;
    String template = a.urlTemplate();
    // At the start, what the conventions give a sampler to decide on (method, server address and port, url.full);
    // the rest only once the span is known to be recorded.
    this.span = otel.tracer.spanBuilder(a.httpMethod() + " " + template)
        .setParent(parent)
        .setSpanKind(SpanKind.CLIENT)
        .setAttribute(HTTP_REQUEST_METHOD, a.httpMethod())
        .setAttribute(SERVER_ADDRESS, a.serverAddress())
        .setAttribute(SERVER_PORT, (long) a.serverPort())
        .setAttribute(URL_FULL, fullUrl(a))
        .startSpan();
    if (!span.isRecording()) {
      return;   // not sampled: the rest would be built for nothing
    }
    span.setAttribute(URL_TEMPLATE, template);
    span.setAttribute(OPERATION, a.operation());
    span.setAttribute(JOB_ID, a.jobId());
    if (a.attempt() > 1) {
      span.setAttribute(RESEND_COUNT, (long) (a.attempt() - 1));
    }
  }

  /** The request's URL with the project id left out ({@code REDACTED}, as the conventions spell it). */
  private static String fullUrl(AttemptEvent a) {
    String template = a.urlTemplate().replace("{project_id}", "REDACTED").replace("{job_id}", a.jobId());
    return a.urlScheme() + "://" + a.serverAddress() + ":" + a.serverPort() + template;
  }

  @Override
  public void throttled(AttemptEvent a) {
    if (span.isRecording()) {
      Attributes attributes = a.retryAfter() == null ? Attributes.empty()
          : Attributes.of(RETRY_AFTER_MS, a.retryAfter().toMillis());
      span.addEvent(SfsTurboOtel.THROTTLED_EVENT, attributes);
    }
    otel.instruments.throttled.add(1, serverAttributes(a).build());
  }

  @Override
  public void attemptEnded(AttemptEvent a) {
    String errorType = errorType(a);
    AttributesBuilder metric = serverAttributes(a).put(URL_TEMPLATE, a.urlTemplate());
    if (a.httpStatus() > 0) {
      metric.put(HTTP_STATUS, (long) a.httpStatus());
    }
    if (errorType != null) {
      metric.put(ERROR_TYPE, errorType);
    }
    if (span.isRecording()) {
      endSpan(a, errorType);
    } else {
      span.end();   // a no-op for the SDK's unsampled spans, but another implementation may keep state until then
    }
    // The SDK's own clock, not the event's: the event's duration is on the engine's clock, which
    // tests replace; a histogram of wall time must be measured here. Sampled or not: metrics count every attempt.
    otel.instruments.requestDuration.record((System.nanoTime() - startNanos) / 1e9, metric.build());
  }

  private void endSpan(AttemptEvent a, String errorType) {
    if (a.httpStatus() > 0) {
      span.setAttribute(HTTP_STATUS, (long) a.httpStatus());
    }
    if (errorType != null) {
      span.setAttribute(ERROR_TYPE, errorType);
      span.setStatus(StatusCode.ERROR);
    }
    span.setAttribute(OUTCOME, a.outcome().tag());
    if (a.errorCode() != null) {
      span.setAttribute(ERROR_CODE, a.errorCode());
    }
    if (a.requestId() != null) {
      span.setAttribute(REQUEST_ID, a.requestId());
    }
    if (a.retryDelay() != null) {
      span.setAttribute(RETRY_DELAY_MS, a.retryDelay().toMillis());
    }
    span.end();
  }

  private static AttributesBuilder serverAttributes(AttemptEvent a) {
    return Attributes.builder()
        .put(HTTP_REQUEST_METHOD, a.httpMethod())
        .put(SERVER_ADDRESS, a.serverAddress())
        .put(SERVER_PORT, (long) a.serverPort());
  }

  /**
   * The conventions' {@code error.type}: the status code for an HTTP error (4xx and 5xx are errors
   * for a client), otherwise the outcome when the attempt failed without a status that says so.
   */
  private static String errorType(AttemptEvent a) {
    if (a.httpStatus() >= 400) {
      return Integer.toString(a.httpStatus());
    }
    return a.outcome() == AttemptOutcome.SUCCESS ? null : a.outcome().tag();
  }
}
