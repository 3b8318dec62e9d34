// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.opentelemetry;

import static io.sfsturbo.jobs.opentelemetry.SfsTurboOtel.JOB_ID;
import static io.sfsturbo.jobs.opentelemetry.SfsTurboOtel.JOB_STATUS;
import static io.sfsturbo.jobs.opentelemetry.SfsTurboOtel.JOB_STATUS_PREVIOUS;
import static io.sfsturbo.jobs.opentelemetry.SfsTurboOtel.WAIT_OUTCOME;
import static io.sfsturbo.jobs.opentelemetry.SfsTurboOtel.WAIT_POLL_COUNT;
import static io.sfsturbo.jobs.opentelemetry.SfsTurboOtel.WAIT_TIMEOUT_MS;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.sfsturbo.jobs.telemetry.WaitEvent;
import io.sfsturbo.jobs.telemetry.WaitListener;
import io.sfsturbo.jobs.telemetry.WaitOutcome;

/** One wait's span, the parent of its polls' spans, and its samples of the wait metrics. */
final class WaitSpan implements WaitListener {
  private final OpenTelemetryTelemetry otel;
  private final Span span;
  private final long startNanos = System.nanoTime();
  /** The context its polls' spans start in. */
  final Context context;

  WaitSpan(OpenTelemetryTelemetry otel, WaitEvent w, Context parent) {
    this.otel = otel;
    this.span = otel.tracer.spanBuilder(SfsTurboOtel.WAIT_SPAN)
        .setParent(parent)
        .setSpanKind(SpanKind.INTERNAL)
        .setAttribute(JOB_ID, w.jobId())
        .setAttribute(WAIT_TIMEOUT_MS, w.timeout().toMillis())
        .startSpan();
    this.context = parent.with(span);
  }

  @Override
  public void statusChanged(WaitEvent w, String previous, String current) {
    AttributesBuilder a = Attributes.builder();
    if (previous != null) {
      a.put(JOB_STATUS_PREVIOUS, previous);
    }
    if (current != null) {
      a.put(JOB_STATUS, current);
    }
    span.addEvent(SfsTurboOtel.STATUS_CHANGE_EVENT, a.build());
  }

  @Override
  public void waitEnded(WaitEvent w) {
    String outcome = w.outcome().tag();
    span.setAttribute(WAIT_OUTCOME, outcome);
    span.setAttribute(WAIT_POLL_COUNT, (long) w.polls());
    if (w.jobStatus() != null) {
      span.setAttribute(JOB_STATUS, w.jobStatus());
    }
    if (w.outcome() != WaitOutcome.SUCCESS) {
      span.setStatus(StatusCode.ERROR, outcome);
    }
    span.end();
    Attributes metric = Attributes.of(WAIT_OUTCOME, outcome);
    otel.instruments.waitDuration.record((System.nanoTime() - startNanos) / 1e9, metric);
    otel.instruments.waitPolls.record(w.polls(), metric);
  }
}
