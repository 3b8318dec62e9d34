// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import io.sfsturbo.jobs.text.SafeText;
import io.sfsturbo.jobs.testkit.EmulatorAuth;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Duration;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code emulate}: the test kit's emulator as a standalone server, so that Terraform, Python or shell users
 * can test their job handling locally. It listens on 127.0.0.1 unless {@code --bind} says otherwise: its
 * credentials are for tests only. Ctrl-C (or SIGTERM) stops it cleanly.
 */
@Command(name = "emulate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Runs a local SFS Turbo jobs emulator with demo jobs.",
        "A ShowJobDetail server with the demo jobs demo-success, demo-failed and",
        "demo-running, and the jobs of --jobs FILE. Prints its URL on stdout; Ctrl-C",
        "stops it."},
    footer = {"", "The jobs file (JSON):",
        "  {\"jobs\": [{\"job_id\": \"job-1\", \"job_type\": \"expand\",",
        "     \"steps\": [{\"status\": \"running\", \"polls\": 3}], \"end\": \"failed\",",
        "     \"error_code\": \"SFS.TURBO.0038\", \"fail_reason\": \"disk full\",",
        "     \"sub_jobs\": [...], \"faults\": [\"THROTTLED\", \"CONNECTION_RESET\"]}],",
        "   \"fault_rate\": {\"rate\": 0.1, \"seed\": 42, \"faults\": [\"INTERNAL_ERROR\"]}}",
        "A step lasts \"polls\" polls or \"seconds\" seconds (one of the two); \"end\" is",
        "success (the default), failed or never. Job ids must differ."})
final class EmulateCommand implements Callable<Integer> {
  /** At this rate a refused request is told to come back within 100 s. */
  static final double MIN_RATE_LIMIT = 0.01;
  static final double MAX_RATE_LIMIT = 1_000_000;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
      description = "Port to listen on (default: a free one, printed at start).")
  int port;

  @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}). Another address exposes test credentials "
          + "to the network.")
  String bind;

  @Option(names = "--jobs", paramLabel = "FILE", description = "A JSON file of scripted jobs and faults (see below).")
  Path jobsFile;

  @Option(names = "--project-id", paramLabel = "ID", defaultValue = "emulator-project",
      description = "The project the emulator serves (default: ${DEFAULT-VALUE}).")
  String projectId;

  @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "emulator-token",
      description = "The X-Auth-Token it accepts (default: ${DEFAULT-VALUE}); test credentials only.")
  String token;

  @Option(names = "--ak", paramLabel = "AK", description = "Check AK/SK signatures with this AK (and --sk) instead of a token.")
  String ak;

  @Option(names = "--sk", paramLabel = "SK", description = "The SK for --ak; test credentials only.")
  String sk;

  @Option(names = "--latency", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "Delay every answer, as a real gateway's round trip does (e.g. 50ms). Default: none.")
  Duration latency;

  @Option(names = "--latency-max", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "With --latency: delay each answer by a random time between --latency and this (seeded).")
  Duration latencyMax;

  @Option(names = "--rate-limit", paramLabel = "RPS",
      description = "Answer 429 (APIGW.0308, with Retry-After) beyond this many requests per second (0.01 to "
          + "1000000), as the gateway's flow control does. Default: no limit.")
  Double rateLimit;

  @Override
  public Integer call() throws InterruptedException {
    CommandLine cmd = spec.commandLine();
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(cmd, "--port: must be 0 to 65535, was " + port);
    }
    if ((ak == null) != (sk == null)) {
      throw new CommandLine.ParameterException(cmd, "give both --ak and --sk, or neither");
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new CommandLine.ParameterException(cmd, "--bind '" + SafeText.capped(bind, 100) + "' is not an address");
    }
    if (latencyMax != null && (latency == null || latencyMax.compareTo(latency) < 0)) {
      throw new CommandLine.ParameterException(cmd, "--latency-max needs a --latency no larger than it");
    }
    if (rateLimit != null && !(rateLimit >= MIN_RATE_LIMIT && rateLimit <= MAX_RATE_LIMIT)) {
      // Below the least, Retry-After would grow past any client's patience (1e-20 gave 9223372036854775807 s).
      throw new CommandLine.ParameterException(cmd, "--rate-limit: must be from " + MIN_RATE_LIMIT + " to "
          + (long) MAX_RATE_LIMIT + " requests per second, was " + rateLimit);
    }
    JobsFile jobs = jobsFile == null ? null : JobsFile.read(jobsFile);
    EmulatorAuth auth = ak != null ? EmulatorAuth.akSk(ak, sk) : EmulatorAuth.token(token);
    // No journal: a standalone server may answer requests for days, and nothing here reads the record.
    SfsTurboEmulator.Builder builder = SfsTurboEmulator.builder().projectId(projectId).auth(auth).journal(false);
    if (latency != null) {
      if (latencyMax != null) {
        builder.latency(latency, latencyMax, 1);
      } else {
        builder.latency(latency);
      }
    }
    if (rateLimit != null) {
      builder.rateLimit(rateLimit);
    }
    SfsTurboEmulator emulator = DemoEmulator.load(listen(builder.build(), address));
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      emulator.close();
      stopped.countDown();
    }, "sfsturbo-jobs-emulate-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    if (jobs != null) {
      jobs.apply(emulator);
    }
    // The address as bound, not the emulator's host name: "localhost" may resolve to ::1 first for clients.
    String host = address.getHostAddress();
    String url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + emulator.endpoint().getPort() + "/";
    PrintWriter out = cmd.getOut();
    out.println("SFS Turbo jobs emulator listening on " + url);
    out.println("project " + projectId + ", " + (ak != null ? "AK/SK " + ak + " (signatures checked)" : "token "
        + token) + "; demo jobs demo-success, demo-failed, demo-running" + (jobs == null ? "" : " and " + jobs.size() + " from --jobs")
        + "; Ctrl-C stops it");
    out.println("try: " + (ak != null ? "" : "SFSTURBO_AUTH_TOKEN=" + token + " ") + "sfsturbo-jobs wait demo-success --endpoint " + url + " --insecure-http "
        + "--project-id " + projectId);
    out.flush();
    if (!address.isLoopbackAddress()) {
      cmd.getErr().println("warning: listening on " + bind + ", not a loopback address: anyone who can reach it "
          + "may use these test credentials");
      cmd.getErr().flush();
    }
    stopped.await();
    return ExitCodes.SUCCESS;
  }

  /** Starts the emulator; a port or address it cannot have is a setup error naming the flag that chose it. */
  private SfsTurboEmulator listen(SfsTurboEmulator emulator, InetAddress address) {
    try {
      return emulator.start(address, port);
    } catch (UncheckedIOException e) {
      String reason = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
      String lower = reason.toLowerCase(Locale.ROOT);
      if (lower.contains("in use")) {
        throw new SetupException("--port " + port + ": already in use; choose another, or 0 for a free one");
      }
      if (lower.contains("permission denied") || lower.contains("access")) {
        throw new SetupException("--port " + port + ": not allowed (ports below 1024 need privileges); choose "
            + "another, or 0 for a free one");
      }
      if (lower.contains("assign")) {
        throw new SetupException("--bind " + SafeText.capped(bind, 100) + ": not an address of this machine");
      }
      throw new SetupException("--bind " + SafeText.capped(bind, 100) + " --port " + port + ": cannot listen ("
          + SafeText.capped(reason, 200) + ")");
    }
  }
}
