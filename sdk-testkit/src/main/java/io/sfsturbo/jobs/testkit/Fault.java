// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testkit;

/**
 * A failure the emulator can answer with instead of the job, scripted or at a rate. The comment
 * of each says what a client with default settings makes of it.
 */
public enum Fault {
  /** 429 with {@code Retry-After: 1} and a gateway body: retried after the delay. */
  THROTTLED,
  /** 429 without {@code Retry-After}: retried with backoff. */
  THROTTLED_NO_RETRY_AFTER,
  /** 500 {@code SFS.TURBO.0005}: retried. */
  INTERNAL_ERROR,
  /** 502 with an HTML page, as a proxy sends it: retried. */
  BAD_GATEWAY_HTML,
  /** 503: retried. */
  SERVICE_UNAVAILABLE,
  /** 504: retried. */
  GATEWAY_TIMEOUT,
  /** The connection is closed before any response: a transport failure, retried. */
  CONNECTION_RESET,
  /** The job's body is cut mid-way and the connection closed: a transport failure, retried. */
  TRUNCATED_BODY,
  /**
   * The request is read and never answered: not even a status line is sent, and the connection is
   * held open until the client gives up (a read or call timeout, retried) or the emulator closes.
   * A client with no timeout sees the connection dropped, unanswered, after
   * {@link SfsTurboEmulator.Builder#stallDuration} (10 minutes by default).
   */
  STALL,
  /** 200 with an HTML page (a captive portal, say): a decoding error. */
  HTML_200,
  /** 200 with broken JSON: a decoding error. */
  MALFORMED_JSON,
  /** 200 with an empty body: a decoding error. */
  EMPTY_200,
  /** 400 {@code SFS.TURBO.0001}: a bad-request error, not retried. */
  BAD_REQUEST,
  /** 401 {@code APIGW.0301}: an authentication error. */
  UNAUTHORIZED,
  /** 403 {@code SFS.TURBO.0015}: a permission error, not retried. */
  FORBIDDEN,
  /** 404 {@code SFS.TURBO.0019}: not found, not retried. */
  NOT_FOUND
}
