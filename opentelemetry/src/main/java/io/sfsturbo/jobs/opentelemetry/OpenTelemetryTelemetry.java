// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.opentelemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.telemetry.AttemptEvent;
import io.sfsturbo.jobs.telemetry.AttemptListener;
import io.sfsturbo.jobs.telemetry.Telemetry;
import io.sfsturbo.jobs.telemetry.WaitEvent;
import io.sfsturbo.jobs.telemetry.WaitListener;
import java.util.Objects;

/**
 * The SDK's telemetry on the OpenTelemetry API: an HTTP client span per attempt and the
 * {@code http.client.request.duration} histogram, following the HTTP semantic conventions, and a
 * span plus metrics per wait, its polls' spans its children. {@link SfsTurboOtel} documents every
 * name and attribute.
 *
 * <!-- src_embed javadoc.opentelemetry -->
 * <pre>
 * SfsTurboJobsClient client = SfsTurboJobsClient.builder&#40;&#41;
 *     .region&#40;&quot;eu-de&quot;&#41;
 *     .telemetry&#40;OpenTelemetryTelemetry.create&#40;openTelemetry&#41;&#41;
 *     .build&#40;&#41;;
 * </pre>
 * <!-- end javadoc.opentelemetry -->
 *
 * <p>{@code openTelemetry} is the application's {@code OpenTelemetrySdk}, or {@code GlobalOpenTelemetry.get()}
 * under the Java agent.
 *
 * <p>Metric attributes are low-cardinality only (method, server, status code, error type,
 * outcome); the job id and request id are span attributes. The project id appears nowhere: the
 * span's {@code url.full} has it replaced with {@code REDACTED}, as the conventions ask for
 * sensitive URL parts. A plain call's attempts are children of the span current when they start
 * (a synchronous call's caller); a wait's polls are children of the wait's span. Samplers see an
 * attempt's method, server address and port at its start; the other attributes (the built
 * {@code url.full} among them) are made only for a span that records, while the metrics count every
 * attempt, sampled or not.
 */
public final class OpenTelemetryTelemetry implements Telemetry {
  final Tracer tracer;
  final Instruments instruments;

  private OpenTelemetryTelemetry(OpenTelemetry openTelemetry) {
    this.tracer = openTelemetry.getTracer(SfsTurboOtel.SCOPE, SfsTurboJobsClient.VERSION);
    Meter meter = openTelemetry.getMeter(SfsTurboOtel.SCOPE);
    this.instruments = new Instruments(meter);
  }

  /**
   * Returns the telemetry that reports to an OpenTelemetry instance.
   *
   * @param openTelemetry the application's instance (for example {@code GlobalOpenTelemetry.get()})
   * @return the telemetry, to pass to {@code SfsTurboJobsClientBuilder.telemetry(...)}
   */
  public static OpenTelemetryTelemetry create(OpenTelemetry openTelemetry) {
    return new OpenTelemetryTelemetry(Objects.requireNonNull(openTelemetry, "openTelemetry"));
  }

  @Override
  public AttemptListener attemptStarted(AttemptEvent attempt) {
    Context parent = attempt.parent() instanceof WaitSpan ? ((WaitSpan) attempt.parent()).context : Context.current();
    return new AttemptSpan(this, attempt, parent);
  }

  @Override
  public WaitListener waitStarted(WaitEvent waitEvent) {
    return new WaitSpan(this, waitEvent, Context.current());
  }

  @Override
  public String toString() {
    return "OpenTelemetryTelemetry";
  }
}
