// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.telemetry;

import java.time.Duration;

/**
 * One wait for a job to end. The counters grow as the wait goes on; {@link #outcome()} is set
 * when it ends. The job's status is the service's text, escaped and capped: an undocumented one is
 * kept as it came, so map it to a known set before using it as a metric tag.
 */
public interface WaitEvent {
  /**
   * Returns the job waited for: fine on a span, too many values for a metric tag.
   *
   * @return the job id
   */
  String jobId();

  /**
   * Returns the wait's timeout: its deadline, counted from the wait's first start. A wait resumed
   * from a checkpoint reports the timeout of the wait it continues, not the time it had left; its
   * {@link #polls()} and {@link #elapsed()} count this run only.
   *
   * @return the timeout
   */
  Duration timeout();

  /**
   * Returns the polls made so far (each one HTTP attempt, failed ones included).
   *
   * @return 0 or more
   */
  int polls();

  /**
   * Returns the time since the wait started.
   *
   * @return the elapsed time; at the end, the wait's duration
   */
  Duration elapsed();

  /**
   * Returns the job's status at the last poll that read one.
   *
   * @return the status text, or null before any
   */
  String jobStatus();

  /**
   * Returns how the wait ended.
   *
   * @return the outcome, or null while it runs
   */
  WaitOutcome outcome();

  /**
   * Returns the simple name of the exception the wait ended with (for example
   * {@code JobFailedException}, {@code WaitTimeoutException}).
   *
   * @return the name, or null when the job succeeded
   */
  String errorType();
}
