// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.micrometer.snippets;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.SfsTurboJobsClientBuilder;
import io.sfsturbo.jobs.micrometer.MicrometerTelemetry;

/** The snippets of docs/observability.md and the Javadoc example of {@link MicrometerTelemetry}. */
final class MicrometerSnippets {
  private MicrometerSnippets() {}

  // BEGIN: observability.micrometer
  static SfsTurboJobsClient withMicrometer(SfsTurboJobsClientBuilder builder, MeterRegistry meters) {
    ObservationRegistry observations = ObservationRegistry.create();   // Spring Boot: inject its registry
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    // With Micrometer Tracing, also register its DefaultTracingObservationHandler: then spans too.
    return builder.telemetry(MicrometerTelemetry.create(observations)).build();
  }
  // END: observability.micrometer

  static SfsTurboJobsClient javadoc(ObservationRegistry observationRegistry) {
    // BEGIN: javadoc.micrometer
    SfsTurboJobsClient client = SfsTurboJobsClient.builder()
        .region("eu-de")
        .telemetry(MicrometerTelemetry.create(observationRegistry))
        .build();
    // END: javadoc.micrometer
    return client;
  }
}
