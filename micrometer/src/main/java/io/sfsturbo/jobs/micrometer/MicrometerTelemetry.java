// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.micrometer;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.sfsturbo.jobs.telemetry.AttemptEvent;
import io.sfsturbo.jobs.telemetry.AttemptListener;
import io.sfsturbo.jobs.telemetry.Telemetry;
import io.sfsturbo.jobs.telemetry.WaitEvent;
import io.sfsturbo.jobs.telemetry.WaitListener;
import java.util.Objects;

/**
 * The SDK's telemetry as Micrometer {@link Observation}s: one observation per HTTP attempt
 * ({@value SfsTurboObservations#ATTEMPT}) and one per wait ({@value SfsTurboObservations#WAIT}),
 * the wait's polls its children. The application's {@link ObservationRegistry} decides what they
 * become: with a {@code DefaultMeterObservationHandler}, timers and counters; with Micrometer
 * Tracing's handler, spans. {@link SfsTurboObservations} documents every name and key.
 *
 * <!-- src_embed javadoc.micrometer -->
 * <pre>
 * SfsTurboJobsClient client = SfsTurboJobsClient.builder&#40;&#41;
 *     .region&#40;&quot;eu-de&quot;&#41;
 *     .telemetry&#40;MicrometerTelemetry.create&#40;observationRegistry&#41;&#41;
 *     .build&#40;&#41;;
 * </pre>
 * <!-- end javadoc.micrometer -->
 *
 * <p>Low-cardinality keys (metric tags) are operation, method, uri template, outcome, HTTP status
 * and documented error code; the job id, attempt number, request id and delays are
 * high-cardinality keys (span attributes only). No key carries a credential or the project id.
 * With {@link ObservationRegistry#NOOP} it creates nothing.
 */
public final class MicrometerTelemetry implements Telemetry {
  private final ObservationRegistry registry;

  private MicrometerTelemetry(ObservationRegistry registry) {
    this.registry = registry;
  }

  /**
   * Returns the telemetry that reports to a registry.
   *
   * @param registry the application's observation registry
   * @return the telemetry, to pass to {@code SfsTurboJobsClientBuilder.telemetry(...)}
   */
  public static MicrometerTelemetry create(ObservationRegistry registry) {
    return new MicrometerTelemetry(Objects.requireNonNull(registry, "registry"));
  }

  @Override
  public AttemptListener attemptStarted(AttemptEvent attempt) {
    if (registry.isNoop()) {
      return AttemptListener.NONE;
    }
    Observation parent = attempt.parent() instanceof WaitObservation
        ? ((WaitObservation) attempt.parent()).observation : null;
    return new AttemptObservation(AttemptObservation.start(attempt, parent, registry));
  }

  @Override
  public WaitListener waitStarted(WaitEvent waitEvent) {
    if (registry.isNoop()) {
      return WaitListener.NONE;
    }
    return new WaitObservation(WaitObservation.start(waitEvent, registry));
  }

  @Override
  public String toString() {
    return "MicrometerTelemetry";
  }
}
