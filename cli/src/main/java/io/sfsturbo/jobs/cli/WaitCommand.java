// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import io.sfsturbo.jobs.text.DurationText;
import io.sfsturbo.jobs.text.SafeText;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import io.sfsturbo.jobs.waiter.JobWaiter;
import io.sfsturbo.jobs.waiter.WaitOptions;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wait JOB_ID...}: waits for one or more jobs at once, with live progress on stderr, then prints
 * them. Each job is one async wait on the client's shared scheduler: no thread per job.
 */
@Command(name = "wait", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Waits until jobs end, with live progress, then prints them.",
        "Progress goes to stderr, the jobs to stdout. Several jobs are waited for at",
        "once: --output json then prints an array, ndjson one line per job as it ends."},
    footer = {"",
        "Exit code: 0 all jobs succeeded; 1 any job failed; else 3 any wait timed out;",
        "else 4 any other error; 2 usage or setup error (nothing was waited for);",
        "130 interrupted (Ctrl-C): the jobs whose waits had ended are printed."})
final class WaitCommand implements Callable<Integer> {
  /** More ids than this is a mistake (a pasted log, say), not a wait. */
  static final int MAX_JOBS = 1000;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Mixin
  ConnectionOptions common = new ConnectionOptions();

  @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "The wait's deadline, for all jobs together, every poll and retry within it (default 30m). "
          + "E.g. 30s, 5m, 1h30m, 1.5h, PT1H.")
  Duration timeout;

  @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "First poll interval; it then grows x1.5 up to 30s (default 2s; 300ms with --emulator).")
  Duration interval;

  @Option(names = "--progress", paramLabel = "MODE", defaultValue = "auto",
      description = "How progress shows on stderr: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}: live on a "
          + "terminal, log lines otherwise). none: only errors.")
  ProgressMode progress;

  @CommandLine.ParentCommand
  SfsTurboJobsCli parent;

  @Parameters(paramLabel = "JOB_ID", arity = "1..*", description = "The ids of the jobs to wait for.")
  List<String> jobIds;

  /** The values of {@code --progress}. */
  enum ProgressMode { auto, live, plain, none }

  @Override
  public Integer call() throws InterruptedException {
    CommandLine cmd = spec.commandLine();
    Set<String> ids = new LinkedHashSet<>();
    for (String id : jobIds) {
      JobIds.check(cmd, id);
      if (!ids.add(id)) {
        throw new CommandLine.ParameterException(cmd, "JOB_ID '" + SafeText.capped(id, 100) + "' is given twice");
      }
    }
    if (ids.size() > MAX_JOBS) {
      throw new CommandLine.ParameterException(cmd, "at most " + MAX_JOBS + " JOB_IDs at once, got " + ids.size());
    }
    WaitOptions options = options(cmd);
    ClientFactory.Settings settings = common.settings(cmd);
    CliContext ctx = parent.context;
    // SDK log lines go to the same stderr and would tear a redrawn line: --verbose means log lines.
    boolean live = !common.verbose && (progress == ProgressMode.live || progress == ProgressMode.auto && ctx.stderrIsTerminal);
    PrintWriter progressOut = progress == ProgressMode.none ? new PrintWriter(NullWriter.INSTANCE) : cmd.getErr();
    WaitReport report = new WaitReport(common.output, cmd.getOut(), cmd.getErr(), progress == ProgressMode.none,
        common.verbose, new ArrayList<>(ids));
    List<WaitOutcome> outcomes = new ArrayList<>();
    // The size only matters to live lines, and finding it starts a process: not asked otherwise.
    TerminalSize size = live ? ctx.terminalSize() : TerminalSize.DEFAULT;
    try (ProgressBoard board = new ProgressBoard(progressOut, live, ctx.nanoTime, size.columns, size.rows);
         SfsTurboEmulator emu = common.emulator ? DemoEmulator.start() : null;
         ClientFactory.Handle h = ClientFactory.create(settings, ctx, emu, board.pollTelemetry(), parent.clientTweak)) {
      JobWaiter waiter = h.client.waiter();
      List<CompletableFuture<WaitOutcome>> waits = new ArrayList<>();
      for (String id : ids) {
        JobTrack track = board.track(id, options.pollBackoff());
        waits.add(waiter.waitForAsync(id, options.toBuilder().listener(track).build()).handle((r, e) -> {
          WaitOutcome o = WaitOutcome.of(id, r, e, board.elapsed(board.now()));
          // The report first: once the live line says the job ended, Ctrl-C prints it.
          report.ended(o);
          track.ended(ended(o), o.kind == WaitOutcome.Kind.SUCCEEDED);
          return o;
        }));
      }
      ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sfsturbo-jobs-progress");
        t.setDaemon(true);
        return t;
      });
      // Ctrl-C: the live lines go (so the shell's prompt does not land inside one) and what is known so far is
      // printed; the JVM then exits 130 while the other waits are still running.
      Interrupts.Registration onCtrlC = ctx.interrupts.register(() -> {
        board.end();
        report.interrupted();
      });
      try {
        ticker.scheduleAtFixedRate(board::tick, 1, 1, TimeUnit.SECONDS);
        for (CompletableFuture<WaitOutcome> w : waits) {
          outcomes.add(join(w));
        }
      } finally {
        onCtrlC.close();
        ticker.shutdownNow();
      }
    }
    report.finish(outcomes);
    return report.wasInterrupted() ? ExitCodes.INTERRUPTED : WaitOutcome.exitCode(outcomes);
  }

  private WaitOptions options(CommandLine cmd) {
    Duration first = interval != null ? interval : common.emulator ? Duration.ofMillis(300) : Duration.ofSeconds(2);
    return SfsTurboJobsCli.usage(cmd, () -> {
      WaitOptions.Builder b = WaitOptions.builder().pollInterval(first)
          .maxInterval(first.compareTo(Duration.ofSeconds(30)) > 0 ? first : Duration.ofSeconds(30));
      if (timeout != null) {
        b.timeout(timeout);
      }
      return b.build();
    });
  }

  private static WaitOutcome join(CompletableFuture<WaitOutcome> w) throws InterruptedException {
    try {
      return w.get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a wait's outcome handler failed", e.getCause());
    }
  }

  private static String ended(WaitOutcome o) {
    switch (o.kind) {
      case SUCCEEDED:
        return "success after " + WaitOutcome.polls(o.result.polls()) + " in " + DurationText.format(o.elapsed);
      case FAILED:
        return "failed";
      case TIMED_OUT:
        return "timed out (may still be running)";
      default:
        return "error";
    }
  }
}
