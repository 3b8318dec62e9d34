// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.errors;

import io.sfsturbo.jobs.text.SafeText;
import io.sfsturbo.jobs.model.SfsTurboErrorCode;

/**
 * The service (or the API gateway in front of it) answered with an error status.
 *
 * <p>Subtypes say what the status means; {@link #errorCode()} carries the service's code
 * (for example {@code SFS.TURBO.0019}), which {@link SfsTurboErrorCode#fromValue(String)} turns
 * into a constant to branch on.
 */
public class ServiceException extends SfsTurboException {
  private static final long serialVersionUID = 1L;
  /** At most this many characters of an error body are kept. */
  public static final int MAX_RAW_BODY_CHARS = 4096;

  private final int statusCode;
  private final String errorCode;
  private final String errorMessage;
  private final String requestId;
  private final String rawBody;
  private final ErrorDetails details;

  /**
   * Creates a service exception.
   *
   * @param details what the response said
   */
  public ServiceException(ErrorDetails details) {
    this(describe(details), details);
  }

  /**
   * Creates a service exception with a message of the subtype's own.
   *
   * @param message what failed
   * @param details what the response said
   */
  protected ServiceException(String message, ErrorDetails details) {
    super(message);
    this.statusCode = details.statusCode();
    this.errorCode = details.errorCode();
    this.errorMessage = details.errorMessage();
    this.requestId = details.requestId();
    this.rawBody = details.rawBody();
    this.details = details;
  }

  private static String describe(ErrorDetails d) {
    StringBuilder sb = new StringBuilder(d.operation()).append(" failed: HTTP ").append(d.statusCode());
    if (d.errorCode() != null) {
      sb.append(' ').append(SafeText.forMessage(d.errorCode()));
      SfsTurboErrorCode known = SfsTurboErrorCode.fromValue(d.errorCode());
      if (known != null && known != SfsTurboErrorCode.UNKNOWN_TO_SDK_VERSION) {
        sb.append(" (").append(known.description()).append(')');
      }
    }
    if (d.errorMessage() != null) {
      // Server text: escaped (it must not drive a terminal or forge a log line) and capped.
      sb.append(": ").append(SafeText.forMessage(d.errorMessage()));
    }
    sb.append(" [request id ").append(d.requestId() == null ? "none" : SafeText.forMessage(d.requestId()))
        .append(']');
    return sb.toString();
  }

  /** Returns true for 429, 500, 502, 503 and 504: statuses that say "try again later". */
  @Override
  public boolean isRetryable() {
    return statusCode == 429 || statusCode == 500 || statusCode == 502 || statusCode == 503 || statusCode == 504;
  }

  /**
   * Returns what the response said, as one value (status, code, message, request id, capped body), to
   * log or hand on as a whole.
   *
   * @return the details
   */
  public ErrorDetails details() {
    return details;
  }

  /** Returns the HTTP status code. */
  public int statusCode() {
    return statusCode;
  }

  /** Returns the error code from the body ({@code errCode}, {@code error_code} or {@code code}), or null. */
  public String errorCode() {
    return errorCode;
  }

  /**
   * Returns the catalogue entry of {@link #errorCode()}: the catalogue is generated from the spec's
   * {@code SfsTurboErrorCode} schema.
   *
   * @return the entry, {@link SfsTurboErrorCode#UNKNOWN_TO_SDK_VERSION} for a code the catalogue does not
   *     name (its text is {@link #errorCode()}), or null when the body had no code
   */
  public SfsTurboErrorCode knownErrorCode() {
    return SfsTurboErrorCode.fromValue(errorCode);
  }

  /** Returns the error message from the body, or null. */
  public String errorMessage() {
    return errorMessage;
  }

  /** Returns the {@code X-request-id} of the response (or the body's {@code request_id}), or null. */
  public String requestId() {
    return requestId;
  }

  /** Returns the response body as received, cut to {@link #MAX_RAW_BODY_CHARS} characters; may be empty. */
  public String rawBody() {
    return rawBody;
  }
}
