// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.errors;

/**
 * A response arrived but could not be read as the API describes it: an HTML error page,
 * truncated or malformed JSON, the wrong content type, an empty body.
 */
public class ResponseDecodingException extends SfsTurboException {
  private static final long serialVersionUID = 1L;
  private final int statusCode;
  private final String requestId;
  private final String rawBody;

  /**
   * Creates the exception.
   *
   * @param message what could not be read
   * @param statusCode the HTTP status of the response
   * @param requestId its request id, or null
   * @param rawBody the body as received, capped, or empty
   * @param cause the parse failure, or null
   */
  public ResponseDecodingException(String message, int statusCode, String requestId, String rawBody,
      Throwable cause) {
    super(message, cause);
    this.statusCode = statusCode;
    this.requestId = requestId;
    this.rawBody = rawBody == null ? "" : rawBody;
  }

  /** Returns the HTTP status of the undecodable response. */
  public int statusCode() {
    return statusCode;
  }

  /** Returns the request id of the response, or null. */
  public String requestId() {
    return requestId;
  }

  /** Returns the body as received, capped at {@link ServiceException#MAX_RAW_BODY_CHARS} characters. */
  public String rawBody() {
    return rawBody;
  }
}
