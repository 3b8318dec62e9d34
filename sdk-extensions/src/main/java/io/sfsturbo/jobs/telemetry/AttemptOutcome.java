// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.telemetry;

/** How an HTTP attempt ended: a short, fixed set, fit for a metric tag ({@link #tag()}). */
public enum AttemptOutcome {
  /** A 2xx response with the job. */
  SUCCESS("success"),
  /** HTTP 429. */
  THROTTLED("throttled"),
  /** Another 4xx, or a 3xx (never followed). */
  CLIENT_ERROR("client_error"),
  /** A 5xx. */
  SERVER_ERROR("server_error"),
  /** No complete response within the attempt's bound or the read timeout. */
  TIMEOUT("timeout"),
  /** No response: connection refused or reset, DNS, TLS. */
  TRANSPORT_ERROR("transport_error"),
  /** A response that is not a readable job (an HTML page, broken JSON, another job). */
  INVALID_RESPONSE("invalid_response"),
  /** The call or wait was cancelled, or the client closed, while the attempt ran. */
  CANCELLED("cancelled"),
  /** Anything else (credentials that cannot sign, for example). */
  ERROR("error");

  private final String tag;

  AttemptOutcome(String tag) {
    this.tag = tag;
  }

  /**
   * Returns the outcome as a tag value.
   *
   * @return lowercase with underscores, for example {@code server_error}
   */
  public String tag() {
    return tag;
  }
}
