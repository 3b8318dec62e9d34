// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.telemetry;

/**
 * What the SDK tells a monitoring system about its work: each HTTP attempt (a plain call's tries
 * and a wait's polls alike), throttling, and each wait. Installed with
 * {@code SfsTurboJobsClient.builder().telemetry(...)}; {@link #none()} by default, which the SDK
 * recognises and then does no telemetry work at all.
 *
 * <p>The adapters {@code sfsturbo-jobs-micrometer} and {@code sfsturbo-jobs-opentelemetry}
 * implement it; an application may implement it too. Every method has a default that ignores the
 * event, so an implementation overrides only what it uses, and new events can be added later
 * without breaking it.
 *
 * <p>Rules for implementations: methods are called on the caller's thread (sync calls) or on an
 * HTTP or scheduler thread (async calls and waits), concurrently for different calls, and should
 * return quickly. An exception thrown by any method is caught and logged; it never changes the
 * outcome of a call or wait. Events are views valid during the callback only: copy what you keep.
 * No event carries a credential, a signature or the project id; job ids and request ids are on
 * events for traces, and should not become metric tags.
 */
public interface Telemetry {
  /**
   * Returns the telemetry that records nothing; the SDK skips all telemetry work when it is installed.
   *
   * @return the no-op telemetry
   */
  static Telemetry none() {
    return NoTelemetry.INSTANCE;
  }

  /**
   * Returns a telemetry that passes every event to each of the given ones in order (to install
   * Micrometer and OpenTelemetry side by side); one that throws does not keep the others from hearing.
   *
   * @param parts the telemetries
   * @return the combination; {@link #none()} when there is none
   */
  static Telemetry composite(Telemetry... parts) {
    return CompositeTelemetry.of(parts);
  }

  /**
   * An HTTP attempt is about to be sent.
   *
   * @param attempt the attempt; its end fields are filled in by the time {@link AttemptListener#attemptEnded} is called
   * @return what hears the rest of this attempt; {@link AttemptListener#NONE} to ignore it
   */
  default AttemptListener attemptStarted(AttemptEvent attempt) {
    return AttemptListener.NONE;
  }

  /**
   * A wait for a job starts (before its first poll).
   *
   * @param waitEvent the wait
   * @return what hears its polls, status changes and end; {@link WaitListener#NONE} to ignore it
   */
  default WaitListener waitStarted(WaitEvent waitEvent) {
    return WaitListener.NONE;
  }
}
