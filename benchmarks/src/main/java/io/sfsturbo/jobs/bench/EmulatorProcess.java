// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.bench;

import io.sfsturbo.jobs.testkit.EmulatorAuth;
import io.sfsturbo.jobs.testkit.JobScript;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The server side of the waiter scale run, in its own JVM so that the emulator's heap (its
 * journal, MockWebServer's recorded requests) and threads stay out of the figures measured in
 * {@link ScaleMain}. Time-scripted jobs on an emulated clock that runs {@code scale} times faster
 * than the wall clock from GO.
 *
 * <p>Line protocol on stdin/stdout: prints {@code READY <port>}; on {@code GO <nanos>} starts the
 * clock, as from the harness's {@link System#nanoTime()} reading {@code nanos} (without it, from
 * when the line arrives), and prints {@code STARTED}; on {@code STATS} prints {@code STATS polls=<served> requests=<journal>
 * faults=<n>}; on {@code EXIT} stops.
 *
 * <p>Arguments: jobs, seed, scale, window (emulated milliseconds within which jobs end); then
 * optional {@code key=value}: {@code latency} (wall milliseconds added to every answer),
 * {@code rateLimit} (requests per emulated second, beyond which the answer is 429),
 * {@code journal} (false: keep no journal), {@code ramp} and {@code min} (emulated milliseconds:
 * waits start evenly over the ramp, and each job ends {@code min} + [1, window] after its wait starts).
 * {@code STATS} then also prints {@code SERIES} (every 250 ms of wall time: emulated seconds since GO,
 * requests answered, of them throttled) as {@code t:requests:throttled} triples.
 */
public final class EmulatorProcess {
  private EmulatorProcess() {}

  public static void main(String[] args) throws Exception {
    int jobs = Integer.parseInt(args[0]);
    long seed = Long.parseLong(args[1]);
    double scale = Double.parseDouble(args[2]);
    long windowMillis = Long.parseLong(args[3]);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

    Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    EmulatedClock clock = new EmulatedClock(t0, scale);
    java.util.Map<String, String> opts = new java.util.HashMap<>();
    for (int i = 4; i < args.length; i++) {
      String[] kv = args[i].split("=", 2);
      opts.put(kv[0], kv[1]);
    }
    long[] ends = ScaleJobs.endMillis(jobs, seed, windowMillis, Long.parseLong(opts.getOrDefault("ramp", "0")),
        Long.parseLong(opts.getOrDefault("min", "0")));
    SfsTurboEmulator.Builder builder = SfsTurboEmulator.builder().projectId(ScaleJobs.PROJECT)
        .auth(EmulatorAuth.token(ScaleJobs.TOKEN)).clock(clock)
        .journal(Boolean.parseBoolean(opts.getOrDefault("journal", "true")))
        .rateLimit(Double.parseDouble(opts.getOrDefault("rateLimit", "0")));
    long latency = Long.parseLong(opts.getOrDefault("latency", "0"));
    if (latency > 0) {
      builder.latency(Duration.ofMillis(latency));
    }
    StringBuilder series = new StringBuilder();
    try (SfsTurboEmulator emulator = builder.build().start()) {
      for (int i = 0; i < jobs; i++) {
        // Every job is added at t0 (the clock stands still until GO) and ends at t0 + ends[i].
        emulator.addJob(JobScript.builder(ScaleJobs.jobId(i)).jobType("expand")
            .status("running", Duration.ofMillis(ends[i])).succeeds().build());
      }
      out.println("READY " + emulator.endpoint().getPort());
      String line;
      while ((line = in.readLine()) != null) {
        String[] words = line.trim().split(" ");
        switch (words[0]) {
          case "GO":
            clock.start(words.length > 1 ? Long.parseLong(words[1]) : System.nanoTime());
            Thread sampler = new Thread(() -> sample(emulator, clock, t0, series), "series-sampler");
            sampler.setDaemon(true);
            sampler.start();
            out.println("STARTED");
            break;
          case "STATS":
            long polls = 0;
            for (int i = 0; i < jobs; i++) {
              polls += emulator.pollsServed(ScaleJobs.jobId(i));
            }
            long requests = emulator.requestsServed();
            out.println("STATS polls=" + polls + " requests=" + requests + " faults=" + (requests - polls)
                + " throttled=" + emulator.throttledRequests());
            synchronized (series) {
              out.println("SERIES " + series);
            }
            break;
          case "EXIT":
            return;
          default:
            out.println("ERROR unknown command " + line);
        }
      }
    }
  }

  /** Every 250 ms of wall time, appends {@code t:requests:throttled} (t in emulated seconds since GO). */
  private static void sample(SfsTurboEmulator emulator, Clock clock, Instant t0, StringBuilder series) {
    while (true) {
      double t = Duration.between(t0, clock.instant()).toNanos() / 1e9;
      synchronized (series) {
        series.append(series.length() == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, "%.3f:%d:%d", t,
            emulator.requestsServed(), emulator.throttledRequests()));
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * The emulated clock: {@code t0} until GO, then {@code t0 + scale × (System.nanoTime() − origin)},
   * computed at every reading. The origin is the harness's own {@code System.nanoTime()} at GO: on
   * Linux both JVMs read the same monotonic clock (CLOCK_MONOTONIC), so the harness and the emulator
   * agree to the microsecond on when each job ends. (A driver thread that set a clock every
   * millisecond, from when it heard GO, ran a few to tens of milliseconds behind the harness on a busy
   * machine; with polls on their ideal schedule, a job ending that little before a poll was then seen
   * one interval late.)
   */
  static final class EmulatedClock extends Clock {
    private final Instant t0;
    private final double scale;
    private volatile long origin;
    private volatile boolean running;

    EmulatedClock(Instant t0, double scale) {
      this.t0 = t0;
      this.scale = scale;
    }

    void start(long originNanos) {
      origin = originNanos;
      running = true;
    }

    @Override
    public Instant instant() {
      return running ? t0.plusNanos((long) ((System.nanoTime() - origin) * scale)) : t0;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }
}
