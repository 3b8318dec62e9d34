// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import io.sfsturbo.jobs.CallOptions;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code show JOB_ID}: one query, the job printed. */
@Command(name = "show", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Prints a job: status, type, times, errors, sub-jobs.", "Exit code 1 when the job has failed."})
final class ShowCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  ConnectionOptions common = new ConnectionOptions();

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "The query's total budget, retries and their delays included (default 60s). E.g. 30s, 5m, PT1M.")
  Duration timeout;

  @CommandLine.ParentCommand
  SfsTurboJobsCli parent;

  @Parameters(paramLabel = "JOB_ID", description = "The job id.")
  String jobId;

  @Override
  public Integer call() {
    CommandLine cmd = spec.commandLine();
    JobIds.check(cmd, jobId);
    CallOptions options = SfsTurboJobsCli.usage(cmd, () -> timeout == null ? CallOptions.defaults()
        : CallOptions.builder().callTimeout(timeout).build());
    ClientFactory.Settings settings = common.settings(cmd);
    try (SfsTurboEmulator emu = common.emulator ? DemoEmulator.start() : null;
         ClientFactory.Handle h = ClientFactory.create(settings, parent.context, emu, null, parent.clientTweak)) {
      JobDetail job = h.client.showJobDetail(jobId, options);
      JobPrinter.print(job, common.output != OutputFormat.table, cmd.getOut());
      return job.isFailed() ? ExitCodes.JOB_FAILED : ExitCodes.SUCCESS;
    }
  }
}
