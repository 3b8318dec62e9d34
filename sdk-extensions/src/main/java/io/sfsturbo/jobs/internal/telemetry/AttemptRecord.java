// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.telemetry;

import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.errors.ThrottledException;
import io.sfsturbo.jobs.text.SafeText;
import io.sfsturbo.jobs.telemetry.AttemptEvent;
import io.sfsturbo.jobs.telemetry.AttemptOutcome;
import io.sfsturbo.jobs.telemetry.WaitListener;
import java.time.Duration;

/** One attempt as telemetry sees it: filled in at its start, its response and its end. */
final class AttemptRecord implements AttemptEvent {
  static final String METHOD = "GET";
  static final String URL_TEMPLATE = "/v1/{project_id}/sfs-turbo/jobs/{job_id}";

  private final TelemetryHub hub;
  private final String jobId;
  private final int attempt;
  private final WaitListener parent;
  private final long startNanos;
  private AttemptOutcome outcome;
  private int status;
  private String errorCode;
  private String errorType;
  private String requestId;
  private long durationNanos;
  private Duration retryAfter;
  private Duration retryDelay;

  AttemptRecord(TelemetryHub hub, String jobId, int attempt, WaitListener parent, long startNanos) {
    this.hub = hub;
    this.jobId = jobId;
    this.attempt = attempt;
    this.parent = parent;
    this.startNanos = startNanos;
  }

  void responded(int status, String requestId) {
    this.status = status;
    this.requestId = requestId == null ? null : SafeText.forMessage(requestId);
  }

  void ended(SfsTurboException failure, long nextDelayNanos, long nowNanos) {
    durationNanos = Math.max(0, nowNanos - startNanos);
    outcome = Outcomes.of(failure, status);
    retryDelay = nextDelayNanos < 0 ? null : Duration.ofNanos(nextDelayNanos);
    if (failure != null) {
      errorType = failure.getClass().getSimpleName();
      errorCode = Outcomes.errorCode(failure);
      if (status == 0) {
        status = Outcomes.status(failure);
      }
      if (failure instanceof ThrottledException) {
        retryAfter = ((ThrottledException) failure).retryAfter();
      }
    }
  }

  void abandoned(long nowNanos) {
    durationNanos = Math.max(0, nowNanos - startNanos);
    outcome = AttemptOutcome.CANCELLED;
    errorType = "CancellationException";
  }

  @Override
  public String operation() {
    return SHOW_JOB_DETAIL;
  }

  @Override
  public String jobId() {
    return jobId;
  }

  @Override
  public int attempt() {
    return attempt;
  }

  @Override
  public String httpMethod() {
    return METHOD;
  }

  @Override
  public String urlTemplate() {
    return URL_TEMPLATE;
  }

  @Override
  public String urlScheme() {
    return hub.scheme;
  }

  @Override
  public String serverAddress() {
    return hub.host;
  }

  @Override
  public int serverPort() {
    return hub.port;
  }

  @Override
  public WaitListener parent() {
    return parent;
  }

  @Override
  public AttemptOutcome outcome() {
    return outcome;
  }

  @Override
  public int httpStatus() {
    return status;
  }

  @Override
  public String errorCode() {
    return errorCode;
  }

  @Override
  public String errorType() {
    return errorType;
  }

  @Override
  public String requestId() {
    return requestId;
  }

  @Override
  public Duration duration() {
    return Duration.ofNanos(durationNanos);
  }

  @Override
  public Duration retryAfter() {
    return retryAfter;
  }

  @Override
  public Duration retryDelay() {
    return retryDelay;
  }

  @Override
  public String toString() {
    return "AttemptEvent{" + operation() + " job=" + jobId + " attempt=" + attempt + " outcome=" + outcome
        + " status=" + status + " errorCode=" + errorCode + '}';
  }
}
