// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.opentelemetry;

import io.opentelemetry.api.common.AttributeKey;

/**
 * The names and attributes of what {@link OpenTelemetryTelemetry} emits, under the instrumentation
 * scope {@value #SCOPE}.
 *
 * <table>
 * <caption>Spans</caption>
 * <tr><th>span</th><th>kind</th><th>attributes</th><th>events</th></tr>
 * <tr><td>{@code GET /v1/{project_id}/sfs-turbo/jobs/{job_id}}: one per HTTP attempt</td><td>CLIENT</td>
 * <td>{@code http.request.method}, {@code server.address}, {@code server.port}, {@code url.full} (project id
 * {@code REDACTED}), {@code url.template}, {@code http.request.resend_count} (retries and later polls),
 * {@code http.response.status_code}, {@code error.type} (the status code, or the outcome when no status says
 * it); {@code sfsturbo.operation}, {@code sfsturbo.job.id}, {@code sfsturbo.outcome}, {@code sfsturbo.error_code},
 * {@code sfsturbo.request_id}, {@code sfsturbo.retry_delay_ms}</td>
 * <td>{@value #THROTTLED_EVENT} ({@code sfsturbo.retry_after_ms})</td></tr>
 * <tr><td>{@value #WAIT_SPAN}: one per wait, parent of its polls</td><td>INTERNAL</td>
 * <td>{@code sfsturbo.job.id}, {@code sfsturbo.wait.timeout_ms} (the wait's whole timeout, a resumed wait's
 * too), {@code sfsturbo.wait.outcome},
 * {@code sfsturbo.wait.polls}, {@code sfsturbo.job.status}</td>
 * <td>{@value #STATUS_CHANGE_EVENT} ({@code sfsturbo.job.status.previous}, {@code sfsturbo.job.status})</td></tr>
 * </table>
 *
 * <table>
 * <caption>Metrics</caption>
 * <tr><th>metric</th><th>instrument, unit</th><th>attributes</th></tr>
 * <tr><td>{@value #REQUEST_DURATION}</td><td>histogram, s</td><td>{@code http.request.method}, {@code server.address},
 * {@code server.port}, {@code url.template}, {@code http.response.status_code}, {@code error.type}</td></tr>
 * <tr><td>{@value #THROTTLED}</td><td>counter, {attempt}</td><td>{@code http.request.method}, {@code server.address},
 * {@code server.port}</td></tr>
 * <tr><td>{@value #WAIT_DURATION}</td><td>histogram, s</td><td>{@code sfsturbo.wait.outcome}</td></tr>
 * <tr><td>{@value #WAIT_POLLS}</td><td>histogram, {poll}</td><td>{@code sfsturbo.wait.outcome}</td></tr>
 * </table>
 *
 * <p>{@code sfsturbo.wait.outcome} is {@code success}, {@code job_failed}, {@code timeout}, {@code cancelled} or
 * {@code error}; {@code sfsturbo.outcome} one of {@code AttemptOutcome.tag()}. No metric carries a job id, a
 * request id or the project id.
 */
public final class SfsTurboOtel {
  /** The instrumentation scope of the tracer and meter. */
  public static final String SCOPE = "io.sfsturbo.jobs";

  /** The HTTP client duration histogram of the semantic conventions. */
  public static final String REQUEST_DURATION = "http.client.request.duration";
  /** Counter of throttled attempts (HTTP 429). */
  public static final String THROTTLED = "sfsturbo.jobs.throttled";
  /** Histogram of wait durations. */
  public static final String WAIT_DURATION = "sfsturbo.jobs.wait.duration";
  /** Histogram of the polls each wait made. */
  public static final String WAIT_POLLS = "sfsturbo.jobs.wait.polls";

  /** The name of a wait's span. */
  public static final String WAIT_SPAN = "sfsturbo wait";
  /** The event on an attempt's span when it was throttled. */
  public static final String THROTTLED_EVENT = "sfsturbo.throttled";
  /** The event on a wait's span when the job's status changed. */
  public static final String STATUS_CHANGE_EVENT = "sfsturbo.job.status_change";

  static final AttributeKey<String> HTTP_REQUEST_METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
  static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey("url.template");
  static final AttributeKey<Long> RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
  static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("sfsturbo.operation");
  static final AttributeKey<String> JOB_ID = AttributeKey.stringKey("sfsturbo.job.id");
  static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("sfsturbo.outcome");
  static final AttributeKey<String> ERROR_CODE = AttributeKey.stringKey("sfsturbo.error_code");
  static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("sfsturbo.request_id");
  static final AttributeKey<Long> RETRY_DELAY_MS = AttributeKey.longKey("sfsturbo.retry_delay_ms");
  static final AttributeKey<Long> RETRY_AFTER_MS = AttributeKey.longKey("sfsturbo.retry_after_ms");
  static final AttributeKey<Long> WAIT_TIMEOUT_MS = AttributeKey.longKey("sfsturbo.wait.timeout_ms");
  static final AttributeKey<String> WAIT_OUTCOME = AttributeKey.stringKey("sfsturbo.wait.outcome");
  static final AttributeKey<Long> WAIT_POLL_COUNT = AttributeKey.longKey("sfsturbo.wait.polls");
  static final AttributeKey<String> JOB_STATUS = AttributeKey.stringKey("sfsturbo.job.status");
  static final AttributeKey<String> JOB_STATUS_PREVIOUS = AttributeKey.stringKey("sfsturbo.job.status.previous");

  private SfsTurboOtel() {}
}
