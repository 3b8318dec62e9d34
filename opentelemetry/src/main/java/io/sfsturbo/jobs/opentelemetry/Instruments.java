// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.opentelemetry;

import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import java.util.Arrays;

/** The instruments, made once per telemetry (instruments are meant to be reused). */
final class Instruments {
  /** The buckets the HTTP semantic conventions advise for {@code http.client.request.duration}, in seconds. */
  static final java.util.List<Double> HTTP_BUCKETS = Arrays.asList(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5,
      0.75, 1.0, 2.5, 5.0, 7.5, 10.0);
  /** Waits last seconds to an hour. */
  static final java.util.List<Double> WAIT_BUCKETS = Arrays.asList(0.1, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0,
      300.0, 600.0, 1800.0, 3600.0);

  final DoubleHistogram requestDuration;
  final LongCounter throttled;
  final DoubleHistogram waitDuration;
  final LongHistogram waitPolls;

  Instruments(Meter meter) {
    requestDuration = meter.histogramBuilder(SfsTurboOtel.REQUEST_DURATION)
        .setDescription("Duration of HTTP client requests.")
        .setUnit("s")
        .setExplicitBucketBoundariesAdvice(HTTP_BUCKETS)
        .build();
    throttled = meter.counterBuilder(SfsTurboOtel.THROTTLED)
        .setDescription("Attempts the service throttled (HTTP 429).")
        .setUnit("{attempt}")
        .build();
    waitDuration = meter.histogramBuilder(SfsTurboOtel.WAIT_DURATION)
        .setDescription("Duration of waits for SFS Turbo jobs to end.")
        .setUnit("s")
        .setExplicitBucketBoundariesAdvice(WAIT_BUCKETS)
        .build();
    waitPolls = meter.histogramBuilder(SfsTurboOtel.WAIT_POLLS)
        .setDescription("Polls made by each wait for an SFS Turbo job.")
        .setUnit("{poll}")
        .ofLongs()
        .setExplicitBucketBoundariesAdvice(Arrays.asList(1L, 2L, 3L, 5L, 10L, 20L, 50L, 100L, 200L, 500L))
        .build();
  }
}
