// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.opentelemetry.snippets;

import io.opentelemetry.api.OpenTelemetry;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.SfsTurboJobsClientBuilder;
import io.sfsturbo.jobs.opentelemetry.OpenTelemetryTelemetry;

/** The snippets of docs/observability.md and the Javadoc example of {@link OpenTelemetryTelemetry}. */
final class OpenTelemetrySnippets {
  private OpenTelemetrySnippets() {}

  // BEGIN: observability.opentelemetry
  static SfsTurboJobsClient withOpenTelemetry(SfsTurboJobsClientBuilder builder, OpenTelemetry openTelemetry) {
    // openTelemetry: the application's OpenTelemetrySdk, or GlobalOpenTelemetry.get() under the Java agent
    return builder.telemetry(OpenTelemetryTelemetry.create(openTelemetry)).build();
  }
  // END: observability.opentelemetry

  static SfsTurboJobsClient javadoc(OpenTelemetry openTelemetry) {
    // BEGIN: javadoc.opentelemetry
    SfsTurboJobsClient client = SfsTurboJobsClient.builder()
        .region("eu-de")
        .telemetry(OpenTelemetryTelemetry.create(openTelemetry))
        .build();
    // END: javadoc.opentelemetry
    return client;
  }
}
