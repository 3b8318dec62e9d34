// SPDX-License-Identifier: Apache-2.0
/**
 * The SDK's telemetry on the OpenTelemetry API (artifact {@code sfsturbo-jobs-opentelemetry}, optional):
 * {@link io.sfsturbo.jobs.opentelemetry.OpenTelemetryTelemetry} makes an HTTP client span per attempt and the
 * {@code http.client.request.duration} histogram, following the HTTP semantic conventions, and a span and
 * metrics per wait. {@link io.sfsturbo.jobs.opentelemetry.SfsTurboOtel} names every span, attribute and
 * instrument.
 *
 * <pre>{@code
 * SfsTurboJobsClient client = SfsTurboJobsClient.builder()
 *     .region("eu-de")
 *     .telemetry(OpenTelemetryTelemetry.create(GlobalOpenTelemetry.get()))
 *     .build();
 * }</pre>
 *
 * <p>Metric attributes are low-cardinality only; the project id appears nowhere (the span's {@code url.full}
 * shows it as {@code REDACTED}). The module needs only {@code opentelemetry-api}.
 */
package io.sfsturbo.jobs.opentelemetry;
