// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.telemetry;

import java.time.Duration;

/**
 * One HTTP attempt of an operation: a try of a plain call, or a poll of a wait. The first group
 * of methods is known when the attempt starts; the second ({@link #outcome()} and after) when it
 * ends, and reads null, zero or false before. Server text (the request id) is escaped and capped;
 * the error code is limited to the documented catalogue, so that it is safe as a metric tag.
 */
public interface AttemptEvent {
  /** The operation that {@link #operation()} names for {@code GET /v1/{project_id}/sfs-turbo/jobs/{job_id}}. */
  String SHOW_JOB_DETAIL = "ShowJobDetail";

  /**
   * Returns the API operation.
   *
   * @return {@value #SHOW_JOB_DETAIL}
   */
  String operation();

  /**
   * Returns the job the attempt asks about: fine on a span, too many values for a metric tag.
   *
   * @return the job id
   */
  String jobId();

  /**
   * Returns the attempt's number within its call or wait: 1 for the first try, 2 for the first retry or the second poll.
   *
   * @return 1 or more
   */
  int attempt();

  /**
   * Returns the HTTP method.
   *
   * @return {@code GET}
   */
  String httpMethod();

  /**
   * Returns the path template, without the project id or job id: a low-cardinality name of the route.
   *
   * @return {@code /v1/{project_id}/sfs-turbo/jobs/{job_id}}
   */
  String urlTemplate();

  /**
   * Returns the endpoint's scheme.
   *
   * @return {@code https} or {@code http}
   */
  String urlScheme();

  /**
   * Returns the endpoint's host name or address.
   *
   * @return the host
   */
  String serverAddress();

  /**
   * Returns the endpoint's port (the scheme's default when the endpoint names none).
   *
   * @return the port
   */
  int serverPort();

  /**
   * Returns the wait this attempt polls for, as its listener (an adapter finds its own span or
   * observation there to parent the attempt's), or null for a plain call.
   *
   * @return the wait's listener, or null
   */
  WaitListener parent();

  /**
   * Returns how the attempt ended.
   *
   * @return the outcome; null before the end
   */
  AttemptOutcome outcome();

  /**
   * Returns the HTTP status of the response.
   *
   * @return the status, or 0 when no response came (or before the end)
   */
  int httpStatus();

  /**
   * Returns the service's error code when it is one the API documents (for example
   * {@code SFS.TURBO.0019}, {@code APIGW.0301}), {@code "other"} for an undocumented one.
   *
   * @return the code, {@code "other"}, or null when the response carried none
   */
  String errorCode();

  /**
   * Returns the simple name of the SDK exception the attempt failed with (for example
   * {@code ThrottledException}, {@code RequestTimeoutException}).
   *
   * @return the name, or null when the attempt succeeded
   */
  String errorType();

  /**
   * Returns the response's {@code X-request-id}, escaped and capped: for spans and logs, not metric tags.
   *
   * @return the request id, or null
   */
  String requestId();

  /**
   * Returns how long the attempt took, from sending to its outcome.
   *
   * @return the duration; zero before the end
   */
  Duration duration();

  /**
   * Returns how long a throttling server asked to wait ({@code Retry-After}).
   *
   * @return the delay, or null when it asked nothing
   */
  Duration retryAfter();

  /**
   * Returns the pause before the next attempt of the same call or wait.
   *
   * @return the pause, or null when no attempt follows (the call or wait ends with this one)
   */
  Duration retryDelay();
}
