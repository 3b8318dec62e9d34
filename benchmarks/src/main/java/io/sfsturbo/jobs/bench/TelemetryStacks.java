// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.bench;

import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.sfsturbo.jobs.micrometer.MicrometerTelemetry;
import io.sfsturbo.jobs.opentelemetry.OpenTelemetryTelemetry;
import io.sfsturbo.jobs.telemetry.Telemetry;
import java.util.Collection;

/**
 * The monitoring an application would install, for the overhead of each adapter: Micrometer with
 * its meter handler on a {@link SimpleMeterRegistry} (timers and counters), and an OpenTelemetry SDK
 * that samples every span, batches them to an exporter that drops them, and aggregates metrics.
 */
final class TelemetryStacks implements AutoCloseable {
  private final OpenTelemetrySdk otelSdk;
  final Telemetry micrometer;
  final Telemetry otel;

  TelemetryStacks() {
    this(true);
  }

  /**
   * Creates the stacks.
   *
   * @param batched spans batched to the exporter on the SDK's thread, as an application would; false
   *     exports each on the caller's thread, so that a tight loop counts the whole cost and drops none
   */
  TelemetryStacks(boolean batched) {
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(new SimpleMeterRegistry()));
    micrometer = MicrometerTelemetry.create(observations);
    SpanExporter dropping = new SpanExporter() {
      @Override
      public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
      }

      @Override
      public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
      }

      @Override
      public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
      }
    };
    otelSdk = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(batched
            ? BatchSpanProcessor.builder(dropping).build() : SimpleSpanProcessor.create(dropping)).build())
        .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(InMemoryMetricReader.create()).build())
        .build();
    otel = OpenTelemetryTelemetry.create(otelSdk);
  }

  @Override
  public void close() {
    otelSdk.close();
  }
}
