// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.errors;

/**
 * Credentials could not be found or obtained: no provider in the chain had any, or the IAM
 * token request failed. The message never includes a secret.
 */
public class CredentialsException extends SfsTurboException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was missing or failed
   * @param cause the underlying failure, may be null
   */
  public CredentialsException(String message, Throwable cause) {
    super(message, cause);
  }
}
