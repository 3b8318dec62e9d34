// SPDX-License-Identifier: Apache-2.0
/**
 * The telemetry SPI: what the SDK tells a monitoring system about its work. A
 * {@link io.sfsturbo.jobs.telemetry.Telemetry} hears every HTTP attempt (a plain call's tries and a wait's
 * polls alike: {@link io.sfsturbo.jobs.telemetry.AttemptEvent}, {@link io.sfsturbo.jobs.telemetry.AttemptListener}),
 * each throttling, and every wait ({@link io.sfsturbo.jobs.telemetry.WaitEvent},
 * {@link io.sfsturbo.jobs.telemetry.WaitListener}); outcomes are the low-cardinality enums
 * {@link io.sfsturbo.jobs.telemetry.AttemptOutcome} and {@link io.sfsturbo.jobs.telemetry.WaitOutcome}.
 *
 * <p>Install one with {@code SfsTurboJobsClientBuilder.telemetry(...)}: the adapters
 * {@code MicrometerTelemetry} (artifact {@code sfsturbo-jobs-micrometer}) and {@code OpenTelemetryTelemetry}
 * ({@code sfsturbo-jobs-opentelemetry}), your own implementation, or several at once with
 * {@link io.sfsturbo.jobs.telemetry.Telemetry#composite(Telemetry...)}. Without one
 * ({@link io.sfsturbo.jobs.telemetry.Telemetry#none()}, the default) the SDK does no telemetry work at all. A
 * telemetry that throws never changes the outcome of a call or a wait, and no event carries a credential, a
 * signature or the project id.
 *
 * <pre>{@code
 * SfsTurboJobsClient client = SfsTurboJobsClient.builder()
 *     .region("eu-de")
 *     .telemetry(Telemetry.composite(micrometerTelemetry, myOwnTelemetry))
 *     .build();
 * }</pre>
 *
 * <p>The repository's {@code docs/observability.md} lists the adapters' metrics and spans, with an example of a
 * telemetry of your own.
 */
package io.sfsturbo.jobs.telemetry;
