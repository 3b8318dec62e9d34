// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.telemetry;

/** How a wait ended: a short, fixed set, fit for a metric tag ({@link #tag()}). */
public enum WaitOutcome {
  /** The job succeeded. */
  SUCCESS("success"),
  /** The job failed. */
  JOB_FAILED("job_failed"),
  /** The deadline or the poll limit passed first; the job may still be running. */
  TIMEOUT("timeout"),
  /** The wait was cancelled, or the client closed. */
  CANCELLED("cancelled"),
  /** Polling failed for good, or the job reported a status the policy refuses. */
  ERROR("error");

  private final String tag;

  WaitOutcome(String tag) {
    this.tag = tag;
  }

  /**
   * Returns the outcome as a tag value.
   *
   * @return lowercase with underscores, for example {@code job_failed}
   */
  public String tag() {
    return tag;
  }
}
