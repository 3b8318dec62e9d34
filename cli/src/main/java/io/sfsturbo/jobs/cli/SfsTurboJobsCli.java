// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import io.sfsturbo.jobs.JobDetail;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.auth.TokenCredentials;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import io.sfsturbo.jobs.waiter.JobFailedException;
import io.sfsturbo.jobs.waiter.JobWaiter;
import io.sfsturbo.jobs.waiter.WaitOptions;
import io.sfsturbo.jobs.waiter.WaitResult;
import io.sfsturbo.jobs.waiter.WaitTimeoutException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sfsturbo-jobs}: shows an SFS Turbo job or waits for it to end.
 *
 * <p>Exit codes: 0 the job succeeded, 1 the job failed, 2 usage error, 3 the wait timed out,
 * 4 API, authentication or transport error.
 */
@Command(name = "sfsturbo-jobs", mixinStandardHelpOptions = true, version = "sfsturbo-jobs " + SfsTurboJobsClient.VERSION,
    description = "Shows an SFS Turbo asynchronous job, or waits until it ends.",
    subcommands = {SfsTurboJobsCli.Show.class, SfsTurboJobsCli.Wait.class},
    footer = {"", "Exit codes: 0 job succeeded, 1 job failed, 2 usage error, 3 wait timed out, 4 API/auth/transport error.",
        "Credentials come from the environment: HUAWEICLOUD_SDK_AK + HUAWEICLOUD_SDK_SK",
        "(+ HUAWEICLOUD_SDK_SECURITY_TOKEN), or SFSTURBO_AUTH_TOKEN, or --token-file; the project id from",
        "--project-id or HUAWEICLOUD_SDK_PROJECT_ID."})
public final class SfsTurboJobsCli implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /**
   * Runs the CLI and exits the JVM with its exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs the CLI without exiting; for tests and embedding.
   *
   * @param args the command line
   * @param out where results go
   * @param err where progress and errors go
   * @return the exit code
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    for (String arg : args) {
      if (arg.equals("--verbose") || arg.equals("-v")) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
      }
    }
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
        System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
    CommandLine cli = new CommandLine(new SfsTurboJobsCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      boolean verbose = parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--verbose");
      return report(e, commandLine.getErr(), verbose);
    });
    return cli.execute(args);
  }

  static int report(Exception e, PrintWriter err, boolean verbose) {
    int code;
    if (e instanceof JobFailedException) {
      code = ExitCodes.JOB_FAILED;
    } else if (e instanceof WaitTimeoutException) {
      code = ExitCodes.TIMEOUT;
    } else if (e instanceof IllegalArgumentException || e instanceof CommandLine.ParameterException) {
      code = ExitCodes.USAGE;
    } else {
      code = ExitCodes.ERROR;
    }
    err.println("error: " + e.getMessage());
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command: show or wait");
  }

  /** Options every command takes. */
  static final class Common {
    @Option(names = "--region", description = "Region id, e.g. eu-de, eu-nl, cn-north-4.")
    String region;

    @Option(names = "--endpoint", description = "Endpoint URL (https; the JVM's trust store applies).")
    URI endpoint;

    @Option(names = "--project-id", description = "Project id (default: HUAWEICLOUD_SDK_PROJECT_ID).")
    String projectId;

    @Option(names = "--token-file", description = "A file holding an IAM token (instead of the environment).")
    Path tokenFile;

    @Option(names = "--output", defaultValue = "table", description = "table (default) or json: the API's JSON document.")
    String output;

    @Option(names = "--timeout", converter = DurationConverter.class,
        description = "Wait: overall deadline (default 30m). Show: the call's timeout (default 60s). E.g. 30s, 5m, PT1H.")
    Duration timeout;

    @Option(names = "--emulator", description = "Use an embedded emulator with demo jobs demo-success, demo-failed, "
        + "demo-running: no cloud account needed.")
    boolean emulator;

    @Option(names = {"-v", "--verbose"}, description = "Log HTTP calls and print stack traces of errors.")
    boolean verbose;

    boolean json(CommandLine cmd) {
      if (output.equals("json")) {
        return true;
      }
      if (output.equals("table")) {
        return false;
      }
      throw new CommandLine.ParameterException(cmd, "--output must be table or json, was '" + output + "'");
    }

    SfsTurboJobsClient client(SfsTurboEmulator emu, CommandLine cmd) throws IOException {
      SfsTurboJobsClient.Builder b;
      if (emu != null) {
        b = emu.clientBuilder();
      } else {
        if (region == null && endpoint == null) {
          throw new CommandLine.ParameterException(cmd, "give --region or --endpoint (or --emulator)");
        }
        b = SfsTurboJobsClient.builder().userAgentSuffix("sfsturbo-jobs-cli");
        if (region != null) {
          b.region(region);
        }
        if (endpoint != null) {
          b.endpoint(endpoint);
        }
        if (projectId != null) {
          b.projectId(projectId);
        }
        if (tokenFile != null) {
          b.credentials(TokenCredentials.of(new String(Files.readAllBytes(tokenFile), StandardCharsets.UTF_8).trim()));
        }
      }
      return b.build();
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Prints a job: status, type, times, errors, sub-jobs.")
  static final class Show implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    Common common = new Common();

    @Parameters(paramLabel = "JOB_ID", description = "The job id.")
    String jobId;

    @Override
    public Integer call() throws IOException {
      boolean json = common.json(spec.commandLine());
      try (SfsTurboEmulator emu = common.emulator ? DemoEmulator.start() : null;
           SfsTurboJobsClient client = common.client(emu, spec.commandLine())) {
        JobDetail job = client.showJobDetail(jobId);
        JobPrinter.print(job, json, spec.commandLine().getOut());
        return job.isFailed() ? ExitCodes.JOB_FAILED : ExitCodes.SUCCESS;
      }
    }
  }

  @Command(name = "wait", mixinStandardHelpOptions = true,
      description = "Waits until a job ends, with progress on stderr, then prints it.")
  static final class Wait implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    Common common = new Common();

    @Option(names = "--interval", converter = DurationConverter.class,
        description = "First poll interval; it then grows x1.5 up to 30s (default 2s; 300ms with --emulator).")
    Duration interval;

    @Parameters(paramLabel = "JOB_ID", description = "The job id.")
    String jobId;

    @Override
    public Integer call() throws IOException {
      boolean json = common.json(spec.commandLine());
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Duration first = interval != null ? interval : common.emulator ? Duration.ofMillis(300) : Duration.ofSeconds(2);
      WaitOptions.Builder options = WaitOptions.builder().pollInterval(first)
          .maxInterval(first.compareTo(Duration.ofSeconds(30)) > 0 ? first : Duration.ofSeconds(30))
          .listener(new ProgressLine(err));
      if (common.timeout != null) {
        options.timeout(common.timeout);
      }
      try (SfsTurboEmulator emu = common.emulator ? DemoEmulator.start() : null;
           SfsTurboJobsClient client = common.client(emu, spec.commandLine())) {
        try {
          WaitResult result = JobWaiter.create(client).waitFor(jobId, options.build());
          err.printf("job %s ended %s after %d polls in %s%n", jobId, result.job().status(), result.polls(),
              JobPrinter.duration(result.elapsed()));
          err.flush();
          JobPrinter.print(result.job(), json, out);
          return ExitCodes.SUCCESS;
        } catch (JobFailedException e) {
          JobPrinter.print(e.job(), json, out);
          throw e;
        } catch (WaitTimeoutException e) {
          if (e.lastJob() != null) {
            JobPrinter.print(e.lastJob(), json, out);
          }
          throw e;
        }
      } catch (SfsTurboException e) {
        throw e;
      }
    }
  }
}
