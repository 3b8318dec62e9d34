// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * What the service said when it refused a request's authentication (HTTP 401): the inputs of
 * {@link Credentials#refreshAfterRejection(Rejection)}. An immutable value.
 */
public final class Rejection {
  private final int statusCode;
  private final String errorCode;
  private final Instant serverDate;
  private final Identity identity;

  private Rejection(int statusCode, String errorCode, Instant serverDate, Identity identity) {
    this.statusCode = statusCode;
    this.errorCode = errorCode;
    this.serverDate = serverDate;
    this.identity = Objects.requireNonNull(identity, "identity");
  }

  /**
   * Creates a rejection; the SDK makes them, tests of a {@link Credentials} implementation too.
   *
   * @param statusCode the HTTP status, 401
   * @param errorCode the error code of the body (for example {@code APIGW.0301}), or null
   * @param serverDate the response's {@code Date}, or null when absent or unreadable
   * @param identity what the refused request was sent with
   * @return the rejection
   */
  public static Rejection of(int statusCode, String errorCode, Instant serverDate, Identity identity) {
    return new Rejection(statusCode, errorCode, serverDate, identity);
  }

  /** Returns the HTTP status. */
  public int statusCode() {
    return statusCode;
  }

  /** Returns the error code of the body, or null. */
  public String errorCode() {
    return errorCode;
  }

  /** Returns the server's clock as its {@code Date} header showed it, or null. */
  public Instant serverDate() {
    return serverDate;
  }

  /** Returns the identity the refused request was sent with. */
  public Identity identity() {
    return identity;
  }

  @Override
  public String toString() {
    return "Rejection{statusCode=" + statusCode + ", errorCode=" + errorCode + ", serverDate=" + serverDate
        + ", identity=" + identity + '}';
  }
}
