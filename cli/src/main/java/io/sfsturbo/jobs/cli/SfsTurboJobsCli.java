// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import io.sfsturbo.jobs.SfsTurboJobsClientBuilder;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.text.SafeText;
import io.sfsturbo.jobs.waiter.JobFailedException;
import io.sfsturbo.jobs.waiter.WaitTimeoutException;
import java.io.PrintWriter;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code sfsturbo-jobs}: shows SFS Turbo jobs or waits for them to end.
 *
 * <p>Exit codes: 0 the job succeeded, 1 a job failed, 2 usage or setup error, 3 the wait timed out,
 * 4 API, authentication or transport error, and any other failure, 130 {@code wait} was interrupted (Ctrl-C:
 * stderr says how many jobs may still be running, stdout has the jobs whose waits had ended).
 *
 * <p>Exit code 1 means one thing only: a job was read and it failed ({@code wait} ended on a failed job,
 * or {@code show} read a job whose status is {@code failed}). Scripts branch on it, so nothing else may
 * produce it: any other exception or {@link Error} from a command (a bug, {@link OutOfMemoryError},
 * {@link StackOverflowError}, an unexpected answer) is reported as one {@code error: ...} line on stderr
 * and exit code 4; {@code --verbose} adds the stack trace.
 *
 * <p>Messages speak the CLI's language: a setup problem names the flag or variable that fixes it, a usage
 * error is one line and a pointer to {@code --help}. Text the server chose (job fields, error messages,
 * request ids) is escaped before it is printed (see {@link SafeText}), so that it cannot drive the
 * terminal or forge output lines.
 */
@Command(name = "sfsturbo-jobs", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Shows SFS Turbo asynchronous jobs, or waits until they end.",
    // The subcommands (show, wait, emulate, generate-completion) are added by commandLine(), see SUBCOMMANDS.
    // Wrapped here, under 80 columns: picocli would wrap each line on its own and leave ragged ends.
    footer = {"",
        "Exit codes: 0 job succeeded; 1 job failed (only ever that: a job was read",
        "and it failed); 2 usage or setup error; 3 wait timed out; 4 API, auth,",
        "transport or any other error; 130 wait interrupted (Ctrl-C).",
        "Credentials, in this order: --token-file; HUAWEICLOUD_SDK_AK and",
        "HUAWEICLOUD_SDK_SK (+ HUAWEICLOUD_SDK_SECURITY_TOKEN); SFSTURBO_AUTH_TOKEN;",
        "the [basic] section of ~/.huaweicloud/credentials (or of the file that",
        "HUAWEICLOUD_SDK_CREDENTIALS_FILE names); the instance metadata service",
        "(a cloud server's agency; SFSTURBO_METADATA_ENDPOINT moves it).",
        "Project id: --project-id, HUAWEICLOUD_SDK_PROJECT_ID, the profile, then",
        "looked up from IAM for the region (HUAWEICLOUD_SDK_IAM_ENDPOINT).",
        "Region: --region, then HUAWEICLOUD_SDK_REGION; its endpoints from",
        "HUAWEICLOUD_SDK_REGION_SFSTURBO_{REGION} or ~/.huaweicloud/regions.yaml.",
        "Proxy: --no-proxy; --proxy; https_proxy, HTTPS_PROXY, all_proxy, ALL_PROXY",
        "(as curl; NO_PROXY hosts go direct). CA roots: --ca-bundle, then",
        "SFSTURBO_CA_BUNDLE, then the JVM's.",
        "Control characters in server text are shown escaped, e.g. \\u001b."})
public final class SfsTurboJobsCli implements Runnable {
  /**
   * The subcommands, in the order of the help's command list. picocli builds a command's model by reflection on
   * its annotated fields when it is added, so a run of one of them adds only that one (see commandLine).
   */
  static final Class<?>[] SUBCOMMANDS = {ShowCommand.class, WaitCommand.class, EmulateCommand.class,
      AutoComplete.GenerateCompletion.class};
  /** Their names, in the same order (as their {@code @Command} annotations say; HelpTextTest checks). */
  static final String[] SUBCOMMAND_NAMES = {"show", "wait", "emulate", "generate-completion"};

  /** How much of an error message is printed; the rest is cut with a note of the full length. */
  static final int ERROR_TEXT_LIMIT = 1000;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Tests only: adjusts the client the CLI configured; null for real runs. */
  final UnaryOperator<SfsTurboJobsClientBuilder> clientTweak;
  final CliContext context;

  private SfsTurboJobsCli(CliContext context, UnaryOperator<SfsTurboJobsClientBuilder> clientTweak) {
    this.context = context;
    this.clientTweak = clientTweak;
  }

  /**
   * Runs the CLI and exits the JVM with its exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    configureLogging(args);
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs the CLI without exiting; for embedding.
   *
   * @param args the command line
   * @param out where results go
   * @param err where progress and errors go
   * @return the exit code
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, out, err, CliContext.system(), null);
  }

  /** Tests: the real environment, with a last say over the client builder. */
  static int run(String[] args, PrintWriter out, PrintWriter err, UnaryOperator<SfsTurboJobsClientBuilder> clientTweak) {
    return run(args, out, err, CliContext.system(), clientTweak);
  }

  /** Tests: a given environment, home directory, terminal and clock. */
  static int run(String[] args, PrintWriter out, PrintWriter err, CliContext context,
      UnaryOperator<SfsTurboJobsClientBuilder> clientTweak) {
    boolean verbose = false;
    for (String arg : args) {
      verbose |= arg.equals("--verbose") || arg.equals("-v");
    }
    try {
      CommandLine cli = commandLine(context, clientTweak, args.length == 0 ? null : args[0]);
      cli.setOut(out);
      cli.setErr(err);
      cli.setParameterExceptionHandler(SfsTurboJobsCli::usageError);
      boolean v = verbose;
      cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> printError(e, commandLine.getErr(), v));
      return cli.execute(args);
    } catch (Throwable e) {
      // picocli hands only Exceptions to the handler above; an Error from a command ends up here, and so
      // does anything thrown while reporting. Either way: one line and exit 4, never a stray exit 1.
      return printError(e, err, verbose);
    }
  }

  /** The whole command tree: help, completion and tests. */
  static CommandLine commandLine(CliContext context, UnaryOperator<SfsTurboJobsClientBuilder> clientTweak) {
    return commandLine(context, clientTweak, null);
  }

  /**
   * The command tree for a command line whose first argument is {@code first} (or null). When it names a
   * subcommand, picocli hands all the other arguments to that one, so the tree holds only it: building the models
   * of the other subcommands (reflection on their options, converters, annotation proxies) cost a cold
   * {@code show} about 5 % of its time. Anything else (no argument, an option such as {@code --help}, a mistyped
   * command, which gets suggestions, and {@code generate-completion}, whose script covers the whole tree) gets the
   * whole tree.
   */
  static CommandLine commandLine(CliContext context, UnaryOperator<SfsTurboJobsClientBuilder> clientTweak,
      String first) {
    CommandLine cli = new CommandLine(new SfsTurboJobsCli(context, clientTweak));
    int only = "generate-completion".equals(first) ? -1 : java.util.Arrays.asList(SUBCOMMAND_NAMES).indexOf(first);
    for (int i = 0; i < SUBCOMMANDS.length; i++) {
      if (only < 0 || i == only) {
        cli.addSubcommand(SUBCOMMAND_NAMES[i], SUBCOMMANDS[i]);
      }
    }
    // After the subcommands were added: these settings reach the subcommands there are at the time.
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    // Room for emulate's --latency-max=DURATION: a longer option pushes its description to a misaligned next line.
    cli.setUsageHelpLongOptionsMaxWidth(22);
    CommandLine completion = cli.getSubcommands().get("generate-completion");
    if (completion != null) {
      // 'generate-completion' prints the bash/zsh completion script; the archive ships it, so it stays out of the help.
      completion.getCommandSpec().usageMessage().hidden(true);
    }
    return cli;
  }

  /**
   * The SDK logs through SLF4J to slf4j-simple: silent unless {@code --verbose}, which shows its DEBUG lines
   * (one per HTTP attempt), or {@code --debug}, which shows the wire log (each exchange, credentials redacted). The waiter's INFO lines about status changes stay off even then: the CLI prints
   * those changes itself, and the same text twice is noise. A {@code -D} the user gave wins. Must run before
   * the first logger is created, hence in {@code main}.
   */
  static void configureLogging(String[] args) {
    boolean verbose = false;
    boolean debug = false;
    for (String arg : args) {
      verbose |= arg.equals("--verbose") || arg.equals("-v");
      debug |= arg.equals("--debug");
    }
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "off");
    // The wire log: --debug only (verbose keeps its one line per attempt).
    setIfAbsent("org.slf4j.simpleLogger.log.io.sfsturbo.jobs.wire", debug ? "debug" : "off");
    setIfAbsent("org.slf4j.simpleLogger.log.io.sfsturbo.jobs.waiter", verbose ? "warn" : "off");
    setIfAbsent("org.slf4j.simpleLogger.log.mockwebserver3", "warn");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  /**
   * A usage error: one escaped line (the text may echo an argument) and where to read more, exit code 2.
   * Never the whole usage: it would push the one line that matters off the screen.
   */
  private static int usageError(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    String hint = "";
    if (ex instanceof CommandLine.UnmatchedArgumentException) {
      java.util.List<String> suggestions = ((CommandLine.UnmatchedArgumentException) ex).getSuggestions();
      if (!suggestions.isEmpty()) {
        hint = " (did you mean " + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))) + "?)";
      }
    }
    err.println("error: " + SafeText.capped(message(ex) + hint, ERROR_TEXT_LIMIT));
    err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    err.flush();
    return ExitCodes.USAGE;
  }

  /**
   * A usage error's text. A value no converter accepted reads {@code --timeout: '30' has no unit...}: the flag,
   * then what is wrong with its value, instead of picocli's {@code Invalid value for option '--timeout': ...}.
   */
  static String message(CommandLine.ParameterException ex) {
    CommandLine.Model.ArgSpec arg = ex.getArgSpec();
    if (arg == null || !(ex.getCause() instanceof CommandLine.TypeConversionException)) {
      return String.valueOf(ex.getMessage());
    }
    String name = arg.isOption() ? ((CommandLine.Model.OptionSpec) arg).longestName() : arg.paramLabel();
    return name + ": " + ex.getCause().getMessage();
  }

  /** The exit code of an exception, as documented. */
  static int exitCode(Throwable e) {
    if (e instanceof JobFailedException) {
      return ExitCodes.JOB_FAILED;
    }
    if (e instanceof WaitTimeoutException) {
      return ExitCodes.TIMEOUT;
    }
    if (e instanceof CommandLine.ParameterException || e instanceof SetupException) {
      return ExitCodes.USAGE;
    }
    return ExitCodes.ERROR;
  }

  /** One {@code error:} line (and with {@code --verbose} the stack trace); returns the exit code. */
  static int printError(Throwable e, PrintWriter err, boolean verbose) {
    // The SDK's and the CLI's messages are written for people; for anything else the class name says what happened.
    boolean ours = e instanceof SfsTurboException || e instanceof SetupException;
    String message = ours && e.getMessage() != null ? e.getMessage() : e.toString();
    err.println("error: " + SafeText.capped(message, ERROR_TEXT_LIMIT));
    if (verbose && !(e instanceof SetupException)) {
      StackTraces.print(e, err);
    }
    err.flush();
    return exitCode(e);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a command: show, wait or emulate");
  }

  /**
   * Runs setup code whose {@link IllegalArgumentException} means the command line was wrong (a bad job
   * id, a duration the SDK refuses), turning it into a usage error before any request.
   */
  static <T> T usage(CommandLine cmd, Supplier<T> setup) {
    try {
      return setup.get();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cmd, e.getMessage(), e);
    }
  }
}
