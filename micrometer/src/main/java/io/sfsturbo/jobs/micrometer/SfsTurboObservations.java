// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.micrometer;

/**
 * The names and keys of the observations that {@link MicrometerTelemetry} makes: what dashboards
 * and alerts can rely on. With Micrometer's {@code DefaultMeterObservationHandler}, an observation
 * named {@code N} becomes a timer {@code N} (tagged with its low-cardinality keys, plus {@code error}),
 * a long task timer {@code N.active}, and a counter {@code N.E} per event {@code E}; with Micrometer
 * Tracing, a span with every key as an attribute and each event as a span event.
 *
 * <table>
 * <caption>Observations</caption>
 * <tr><th>name</th><th>what</th><th>low-cardinality keys (metric tags)</th><th>high-cardinality keys (spans only)</th><th>events</th></tr>
 * <tr><td>{@value #ATTEMPT}</td><td>one HTTP attempt (a try of a call, or a poll of a wait); span name
 * {@code GET /v1/{project_id}/sfs-turbo/jobs/{job_id}}</td>
 * <td>{@value #OPERATION}, {@value #METHOD}, {@value #URI}, {@value #OUTCOME}, {@value #STATUS}, {@value #ERROR_CODE}</td>
 * <td>{@value #JOB_ID}, {@value #ATTEMPT_NUMBER}, {@value #REQUEST_ID}, {@value #RETRY_DELAY}, {@value #RETRY_AFTER}</td>
 * <td>{@value #THROTTLED} (counter {@code sfsturbo.jobs.attempt.throttled})</td></tr>
 * <tr><td>{@value #WAIT}</td><td>one wait for a job to end; span name {@code sfsturbo wait}</td>
 * <td>{@value #OPERATION}, {@value #OUTCOME}</td>
 * <td>{@value #JOB_ID}, {@value #POLLS}, {@value #JOB_STATUS}</td>
 * <td>{@value #POLL} (counter {@code sfsturbo.jobs.wait.poll}), {@value #STATUS_CHANGE} (counter
 * {@code sfsturbo.jobs.wait.status.change})</td></tr>
 * </table>
 *
 * <p>Values: {@value #OUTCOME} is {@code AttemptOutcome.tag()} for attempts ({@code success},
 * {@code throttled}, {@code client_error}, {@code server_error}, {@code timeout}, {@code transport_error},
 * {@code invalid_response}, {@code cancelled}, {@code error}) and {@code WaitOutcome.tag()} for waits
 * ({@code success}, {@code job_failed}, {@code timeout}, {@code cancelled}, {@code error}); {@value #STATUS}
 * is the HTTP status or {@code NONE}; {@value #ERROR_CODE} a documented code ({@code SFS.TURBO.0019}),
 * {@code other} or {@code none}. Durations on spans are in milliseconds.
 */
public final class SfsTurboObservations {
  /** The observation of one HTTP attempt. */
  public static final String ATTEMPT = "sfsturbo.jobs.attempt";
  /** The observation of one wait. */
  public static final String WAIT = "sfsturbo.jobs.wait";

  /** Low cardinality: the API operation, {@code ShowJobDetail}. */
  public static final String OPERATION = "operation";
  /** Low cardinality: the HTTP method. */
  public static final String METHOD = "method";
  /** Low cardinality: the path template, without ids. */
  public static final String URI = "uri";
  /** Low cardinality: how the attempt or wait ended. */
  public static final String OUTCOME = "outcome";
  /** Low cardinality: the HTTP status, or {@code NONE}. */
  public static final String STATUS = "status";
  /** Low cardinality: the documented error code, {@code other} or {@code none}. */
  public static final String ERROR_CODE = "error.code";

  /** High cardinality: the job id. */
  public static final String JOB_ID = "job.id";
  /** High cardinality: the attempt's number in its call or wait. */
  public static final String ATTEMPT_NUMBER = "attempt";
  /** High cardinality: the response's request id. */
  public static final String REQUEST_ID = "request.id";
  /** High cardinality: the pause before the next attempt, in ms; absent when none follows. */
  public static final String RETRY_DELAY = "retry.delay.ms";
  /** High cardinality: the server's {@code Retry-After}, in ms; only on throttled attempts that had one. */
  public static final String RETRY_AFTER = "retry.after.ms";
  /** High cardinality: the polls a wait made. */
  public static final String POLLS = "polls";
  /** High cardinality: the job's last status, as the service wrote it. */
  public static final String JOB_STATUS = "job.status";

  /** Event: the attempt was throttled (HTTP 429). */
  public static final String THROTTLED = "throttled";
  /** Event: a poll of the wait ended. */
  public static final String POLL = "poll";
  /** Event: the job's status changed. */
  public static final String STATUS_CHANGE = "status.change";

  private SfsTurboObservations() {}
}
