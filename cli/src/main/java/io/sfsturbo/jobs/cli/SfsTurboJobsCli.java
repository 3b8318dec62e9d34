// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import io.sfsturbo.jobs.CallOptions;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.internal.Ids;
import io.sfsturbo.jobs.internal.Durations;
import io.sfsturbo.jobs.internal.Printable;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import io.sfsturbo.jobs.waiter.JobFailedException;
import io.sfsturbo.jobs.waiter.JobWaiter;
import io.sfsturbo.jobs.waiter.WaitOptions;
import io.sfsturbo.jobs.waiter.WaitResult;
import io.sfsturbo.jobs.waiter.WaitTimeoutException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code sfsturbo-jobs}: shows an SFS Turbo job or waits for it to end.
 *
 * <p>Exit codes: 0 the job succeeded, 1 the job failed, 2 usage error, 3 the wait timed out,
 * 4 API, authentication or transport error, and any other failure.
 *
 * <p>Exit code 1 means one thing only: a job was read and it failed ({@code wait} ended on a failed job,
 * or {@code show} read a job whose status is {@code failed}). Scripts branch on it, so nothing else may
 * produce it: any other exception or {@link Error} from a command (a bug, {@link OutOfMemoryError},
 * {@link StackOverflowError}, an unexpected answer) is reported as one {@code error: ...} line on stderr
 * and exit code 4; {@code --verbose} adds the stack trace.
 *
 * <p>Text the server chose (job fields, error messages, request ids) is escaped before it is printed (see
 * {@link Printable}), so that it cannot drive the terminal or forge output lines.
 */
@Command(name = "sfsturbo-jobs", mixinStandardHelpOptions = true, version = "sfsturbo-jobs " + SfsTurboJobsClient.VERSION,
    description = "Shows an SFS Turbo asynchronous job, or waits until it ends.",
    subcommands = {SfsTurboJobsCli.Show.class, SfsTurboJobsCli.Wait.class},
    footer = {"", "Exit codes: 0 job succeeded, 1 job failed, 2 usage error, 3 wait timed out, 4 API/auth/transport error",
        "or any other failure (1 only ever means that a job was read and it failed).",
        "Credentials come from the environment: HUAWEICLOUD_SDK_AK + HUAWEICLOUD_SDK_SK",
        "(+ HUAWEICLOUD_SDK_SECURITY_TOKEN), or SFSTURBO_AUTH_TOKEN, or --token-file; the project id from",
        "--project-id or HUAWEICLOUD_SDK_PROJECT_ID.",
        "Control characters in server text are shown escaped, e.g. \\u001b."})
public final class SfsTurboJobsCli implements Runnable {
  /** How much of an error message is printed; the rest is cut with a note of the full length. */
  static final int ERROR_TEXT_LIMIT = 1000;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Tests only: adjusts the client the CLI configured (e.g. to allow plain http); null for real runs. */
  private final UnaryOperator<SfsTurboJobsClient.Builder> clientTweak;

  private SfsTurboJobsCli(UnaryOperator<SfsTurboJobsClient.Builder> clientTweak) {
    this.clientTweak = clientTweak;
  }

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
    return run(args, out, err, null);
  }

  /**
   * Runs the CLI with a last say over the client builder. Package-private on purpose: it lets tests point
   * the CLI at a plain-http test server ({@code allowInsecureHttp}), which no command line may do.
   */
  static int run(String[] args, PrintWriter out, PrintWriter err, UnaryOperator<SfsTurboJobsClient.Builder> clientTweak) {
    boolean verbose = false;
    for (String arg : args) {
      if (arg.equals("--verbose") || arg.equals("-v")) {
        verbose = true;
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
      }
    }
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
        System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
    try {
      CommandLine cli = new CommandLine(new SfsTurboJobsCli(clientTweak));
      cli.setOut(out);
      cli.setErr(err);
      cli.setParameterExceptionHandler(SfsTurboJobsCli::usageError);
      cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
        boolean v = parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--verbose");
        return report(e, commandLine.getErr(), v);
      });
      return cli.execute(args);
    } catch (Throwable e) {
      // picocli hands only Exceptions to the handler above; an Error from a command ends up here, and so
      // does anything thrown while reporting. Either way: one line and exit 4, never a stray exit 1.
      return report(e, err, verbose);
    }
  }

  /** A usage error: one escaped line (the text may echo an argument), a hint, exit code 2. */
  private static int usageError(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    err.println("error: " + Printable.capped(ex.getMessage(), ERROR_TEXT_LIMIT));
    if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
      err.println("Run '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
    }
    err.flush();
    return ExitCodes.USAGE;
  }

  static int report(Throwable e, PrintWriter err, boolean verbose) {
    int code;
    if (e instanceof JobFailedException) {
      code = ExitCodes.JOB_FAILED;
    } else if (e instanceof WaitTimeoutException) {
      code = ExitCodes.TIMEOUT;
    } else if (e instanceof CommandLine.ParameterException) {
      code = ExitCodes.USAGE;
    } else {
      // Usage problems the SDK detects (bad id, unknown region) are turned into ParameterExceptions
      // before any request; an IllegalArgumentException here came from somewhere else.
      code = ExitCodes.ERROR;
    }
    // The SDK's messages are written for humans; for anything else the class name says what happened.
    String message = e instanceof SfsTurboException && e.getMessage() != null ? e.getMessage() : e.toString();
    err.println("error: " + Printable.capped(message, ERROR_TEXT_LIMIT));
    if (verbose) {
      StackTraces.print(e, err);
    }
    err.flush();
    return code;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command: show or wait");
  }

  /**
   * Runs setup code whose {@link IllegalArgumentException} means the command line was wrong (a bad job
   * id, an unknown region, an option the SDK refuses), turning it into a usage error before any request.
   */
  static <T> T usage(CommandLine cmd, Supplier<T> setup) {
    try {
      return setup.get();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cmd, e.getMessage(), e);
    }
  }

  /** Options every command takes. */
  static final class Common {
    @Option(names = "--region", description = "Region id, e.g. eu-de, eu-nl, cn-north-4.")
    String region;

    @Option(names = "--endpoint", description = "Endpoint URL (https; the JVM's trust store applies).")
    URI endpoint;

    @Option(names = "--project-id", description = "Project id (default: HUAWEICLOUD_SDK_PROJECT_ID).")
    String projectId;

    @Option(names = "--token-file", description = "A file holding an IAM token (instead of the environment); at most 64 KiB.")
    Path tokenFile;

    @Option(names = "--output", defaultValue = "table", description = "table (default) or json: the API's JSON document on one line, control characters escaped.")
    String output;

    @Option(names = "--timeout", converter = DurationConverter.class,
        description = "Wait: the wait's deadline, every poll and retry within it (default 30m). Show: the call's "
            + "total budget, retries included (default 60s). E.g. 30s, 5m, PT1H.")
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

    SfsTurboJobsClient client(SfsTurboEmulator emu, CommandLine cmd,
        UnaryOperator<SfsTurboJobsClient.Builder> tweak) {
      if (emu != null) {
        return emu.clientBuilder().build();
      }
      if (region == null && endpoint == null) {
        throw new CommandLine.ParameterException(cmd, "give --region or --endpoint (or --emulator)");
      }
      SfsTurboJobsClient.Builder b = SfsTurboJobsClient.builder().userAgentSuffix("sfsturbo-jobs-cli");
      if (tokenFile != null) {
        b.credentials(TokenFile.read(tokenFile, cmd));
      }
      return usage(cmd, () -> {
        if (region != null) {
          b.region(region);
        }
        if (endpoint != null) {
          b.endpoint(endpoint);
        }
        if (projectId != null) {
          b.projectId(projectId);
        }
        return (tweak == null ? b : tweak.apply(b)).build();
      });
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Prints a job: status, type, times, errors, sub-jobs.")
  static final class Show implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    Common common = new Common();

    @CommandLine.ParentCommand
    SfsTurboJobsCli parent;

    @Parameters(paramLabel = "JOB_ID", description = "The job id.")
    String jobId;

    @Override
    public Integer call() {
      CommandLine cmd = spec.commandLine();
      boolean json = common.json(cmd);
      usage(cmd, () -> Ids.requireValid("JOB_ID", jobId));
      CallOptions options = usage(cmd, () -> common.timeout == null ? CallOptions.defaults()
          : CallOptions.builder().callTimeout(common.timeout).build());
      try (SfsTurboEmulator emu = common.emulator ? DemoEmulator.start() : null;
           SfsTurboJobsClient client = common.client(emu, cmd, parent.clientTweak)) {
        JobDetail job = client.showJobDetail(jobId, options);
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

    @CommandLine.ParentCommand
    SfsTurboJobsCli parent;

    @Parameters(paramLabel = "JOB_ID", description = "The job id.")
    String jobId;

    @Override
    public Integer call() {
      CommandLine cmd = spec.commandLine();
      boolean json = common.json(cmd);
      PrintWriter out = cmd.getOut();
      PrintWriter err = cmd.getErr();
      usage(cmd, () -> Ids.requireValid("JOB_ID", jobId));
      Duration first = interval != null ? interval : common.emulator ? Duration.ofMillis(300) : Duration.ofSeconds(2);
      WaitOptions options = usage(cmd, () -> {
        WaitOptions.Builder b = WaitOptions.builder().pollInterval(first)
            .maxInterval(first.compareTo(Duration.ofSeconds(30)) > 0 ? first : Duration.ofSeconds(30))
            .listener(new ProgressLine(err));
        if (common.timeout != null) {
          b.timeout(common.timeout);
        }
        return b.build();
      });
      try (SfsTurboEmulator emu = common.emulator ? DemoEmulator.start() : null;
           SfsTurboJobsClient client = common.client(emu, cmd, parent.clientTweak)) {
        try {
          WaitResult result = client.waiter().waitFor(jobId, options);
          err.printf("job %s ended %s after %d polls in %s%n", Printable.escape(jobId),
              JobPrinter.text(result.job().statusAsString()), result.polls(), Durations.human(result.elapsed()));
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
      }
    }
  }
}
