// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.errors;

/**
 * What an error response said: the inputs of a {@link ServiceException}. An immutable value.
 */
public final class ErrorDetails {
  private final String operation;
  private final int statusCode;
  private final String errorCode;
  private final String errorMessage;
  private final String requestId;
  private final String rawBody;

  /**
   * Creates error details.
   *
   * @param operation the operation that failed, for messages (for example {@code ShowJobDetail job 'x'})
   * @param statusCode the HTTP status
   * @param errorCode the decoded error code, or null
   * @param errorMessage the decoded message, or null
   * @param requestId the request id, or null
   * @param rawBody the body, already capped; null is kept as empty
   */
  public ErrorDetails(String operation, int statusCode, String errorCode, String errorMessage,
      String requestId, String rawBody) {
    this.operation = operation;
    this.statusCode = statusCode;
    this.errorCode = errorCode;
    this.errorMessage = errorMessage;
    this.requestId = requestId;
    this.rawBody = rawBody == null ? "" : rawBody;
  }

  /** Returns the operation that failed. */
  public String operation() {
    return operation;
  }

  /** Returns the HTTP status. */
  public int statusCode() {
    return statusCode;
  }

  /** Returns the error code, or null. */
  public String errorCode() {
    return errorCode;
  }

  /** Returns the error message, or null. */
  public String errorMessage() {
    return errorMessage;
  }

  /** Returns the request id, or null. */
  public String requestId() {
    return requestId;
  }

  /** Returns the capped body, never null. */
  public String rawBody() {
    return rawBody;
  }
}
