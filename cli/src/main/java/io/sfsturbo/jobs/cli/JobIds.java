// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import picocli.CommandLine;

/** Checks a {@code JOB_ID} argument with the SDK's rule, before any request, and says what is wrong in CLI terms. */
final class JobIds {
  /** The word the SDK's messages use for the id: its parameter's name, which means nothing on a command line. */
  private static final String SDK_NAME = "jobId";

  private JobIds() {}

  /**
   * @throws CommandLine.ParameterException naming {@code JOB_ID} when the SDK would refuse the id
   */
  static String check(CommandLine cmd, String id) {
    try {
      return SfsTurboJobsClient.requireValidJobId(id);
    } catch (IllegalArgumentException e) {
      String why = String.valueOf(e.getMessage());
      throw new CommandLine.ParameterException(cmd,
          why.startsWith(SDK_NAME) ? "JOB_ID" + why.substring(SDK_NAME.length()) : "JOB_ID: " + why, e);
    }
  }
}
