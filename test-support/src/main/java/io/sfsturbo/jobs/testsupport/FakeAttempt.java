// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testsupport;

import io.sfsturbo.jobs.telemetry.AttemptEvent;
import io.sfsturbo.jobs.telemetry.AttemptOutcome;
import io.sfsturbo.jobs.telemetry.WaitListener;
import java.time.Duration;

/**
 * An attempt event built by hand, for what the emulator cannot make quickly (a long Retry-After, a
 * cancelled attempt): a first {@code ShowJobDetail} attempt of {@code job-1} on
 * {@code https://sfs-turbo.example.com:443}; set the fields the test needs before ending it.
 */
public class FakeAttempt implements AttemptEvent {
  public AttemptOutcome outcome;
  public int status;
  public String errorCode;
  public Duration retryAfter;
  public Duration retryDelay;

  @Override public String operation() { return SHOW_JOB_DETAIL; }
  @Override public String jobId() { return "job-1"; }
  @Override public int attempt() { return 1; }
  @Override public String httpMethod() { return "GET"; }
  @Override public String urlTemplate() { return "/v1/{project_id}/sfs-turbo/jobs/{job_id}"; }
  @Override public String urlScheme() { return "https"; }
  @Override public String serverAddress() { return "sfs-turbo.example.com"; }
  @Override public int serverPort() { return 443; }
  @Override public WaitListener parent() { return null; }
  @Override public AttemptOutcome outcome() { return outcome; }
  @Override public int httpStatus() { return status; }
  @Override public String errorCode() { return errorCode; }
  @Override public String errorType() { return outcome == AttemptOutcome.SUCCESS ? null : "SomeException"; }
  @Override public String requestId() { return null; }
  @Override public Duration duration() { return Duration.ZERO; }
  @Override public Duration retryAfter() { return retryAfter; }
  @Override public Duration retryDelay() { return retryDelay; }
}
