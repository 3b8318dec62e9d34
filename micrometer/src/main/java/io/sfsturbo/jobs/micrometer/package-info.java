// SPDX-License-Identifier: Apache-2.0
/**
 * The SDK's telemetry as Micrometer observations (artifact {@code sfsturbo-jobs-micrometer}, optional):
 * {@link io.sfsturbo.jobs.micrometer.MicrometerTelemetry} reports every HTTP attempt and every wait to an
 * {@code ObservationRegistry}, which turns them into timers and counters (with Micrometer's
 * {@code DefaultMeterObservationHandler}) and into spans (with Micrometer Tracing).
 * {@link io.sfsturbo.jobs.micrometer.SfsTurboObservations} names every observation, key and event.
 *
 * <pre>{@code
 * SfsTurboJobsClient client = SfsTurboJobsClient.builder()
 *     .region("eu-de")
 *     .telemetry(MicrometerTelemetry.create(observationRegistry))
 *     .build();
 * }</pre>
 *
 * <p>Metric tags are low-cardinality only; job ids and request ids are span attributes; no key carries a
 * credential or the project id. The module needs only {@code micrometer-observation}.
 */
package io.sfsturbo.jobs.micrometer;
