// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

/**
 * A setup problem the person at the keyboard can fix with a flag or a variable (no credentials, no project
 * id, an unreadable file, a plain-http endpoint): exit code 2, one line that names the fix. Thrown before
 * any request. The message must never hold a secret.
 */
final class SetupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  SetupException(String message) {
    super(message, null, false, false);
  }
}
