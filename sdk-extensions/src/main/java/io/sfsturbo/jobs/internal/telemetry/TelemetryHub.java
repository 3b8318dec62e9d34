// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.telemetry;

import io.sfsturbo.jobs.internal.engine.LoopProbe;
import io.sfsturbo.jobs.telemetry.Telemetry;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A client's telemetry and what its attempts share (the endpoint's scheme, host and port). It
 * makes the probes that turn the engine's tries into {@link Telemetry} events, and none at all
 * when the client has {@link Telemetry#none()}: then a loop runs without a probe.
 */
public final class TelemetryHub {
  private final Telemetry telemetry;
  final String scheme;
  final String host;
  final int port;

  /**
   * Creates the hub of a client.
   *
   * @param telemetry the installed telemetry
   * @param endpoint the client's endpoint
   */
  public TelemetryHub(Telemetry telemetry, URI endpoint) {
    this.telemetry = telemetry;
    this.scheme = endpoint.getScheme() == null ? "https" : endpoint.getScheme().toLowerCase(Locale.ROOT);
    this.host = endpoint.getHost();
    this.port = endpoint.getPort() >= 0 ? endpoint.getPort() : "http".equals(scheme) ? 80 : 443;
  }

  /** Returns whether any telemetry is installed. */
  public boolean isEnabled() {
    return telemetry != Telemetry.none();
  }

  Telemetry telemetry() {
    return telemetry;
  }

  /**
   * Returns the probe of a plain call.
   *
   * @param jobId the job asked about
   * @param <T> what a try yields
   * @return the probe, or null when no telemetry is installed
   */
  public <T> LoopProbe<T> forCall(String jobId) {
    return isEnabled() ? new CallProbe<>(this, jobId) : null;
  }

  /**
   * Returns the probe of a wait; tell it the wait's end with {@link WaitProbe#ended}.
   *
   * @param jobId the job waited for
   * @param timeout the wait's whole timeout, from its first start (a resumed wait's too)
   * @param statusOf reads the job's status text from a poll's value (null when it has none)
   * @param nanoTime the wait's time (its loop's ticker)
   * @param <T> what a poll yields
   * @return the probe, or null when no telemetry is installed
   */
  public <T> WaitProbe<T> forWait(String jobId, Duration timeout, Function<? super T, String> statusOf,
      LongSupplier nanoTime) {
    return isEnabled() ? new WaitProbe<>(this, jobId, timeout, statusOf, nanoTime) : null;
  }
}
