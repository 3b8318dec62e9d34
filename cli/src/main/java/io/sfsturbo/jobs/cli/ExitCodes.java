// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

/** The documented exit codes of {@code sfsturbo-jobs}. */
final class ExitCodes {
  /** The job succeeded (for {@code show}: the query worked and the job has not failed). */
  static final int SUCCESS = 0;
  /** The job failed. */
  static final int JOB_FAILED = 1;
  /** The command line was wrong. */
  static final int USAGE = 2;
  /** {@code wait} gave up at its timeout; the job may still be running. */
  static final int TIMEOUT = 3;
  /** The API, authentication or the network failed. */
  static final int ERROR = 4;
  /**
   * {@code wait} was interrupted (Ctrl-C): 128 + SIGINT, as shells report a command that Ctrl-C ended. The JVM
   * exits with it by itself after its shutdown hooks; an embedded run returns it.
   */
  static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
