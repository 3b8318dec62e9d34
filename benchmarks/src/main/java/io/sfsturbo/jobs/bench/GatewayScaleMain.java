// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.bench;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.auth.TokenCredentials;
import io.sfsturbo.jobs.retry.Backoff;
import io.sfsturbo.jobs.testkit.FixedJitterTime;
import io.sfsturbo.jobs.waiter.JobProgressListener;
import io.sfsturbo.jobs.waiter.JobWaiter;
import io.sfsturbo.jobs.waiter.WaitCheckpoint;
import io.sfsturbo.jobs.waiter.WaitOptions;
import io.sfsturbo.jobs.waiter.WaitResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * The scale runs against a gateway as in production, each a child emulator JVM ({@link EmulatorProcess})
 * and a client built with no tuning at all ({@code defaults=true}: no {@code OkHttpClient}, dispatcher or
 * pool given), the default {@link WaitOptions} schedule and the default rate limiting:
 *
 * <ul>
 *   <li>{@code latency}: {@code scale.waits} (10 000) waits, every answer {@code scale.rtt} (50 ms) late;
 *   <li>{@code throttle}: the same with a gateway rate limit ({@code scale.limit} requests per second,
 *       429 with Retry-After beyond it);
 *   <li>{@code big}: {@code scale.waits} (100 000) waits pending together, for memory and threads: their
 *       first polls are spread over a minute and come after the jobs end, one poll each.
 * </ul>
 *
 * <p>Time: the emulator's clock runs at {@code scale.factor} times the wall clock, and the waits'
 * schedule, the round trip, the ramp and the job ends are divided by it, so that every figure is
 * what the unscaled run would give, in emulated time; with a factor below 1 the run is slowed
 * down, so that 2 cores can serve its request rate. Concurrency (requests in flight = rate × round
 * trip) does not change with the factor; CPU per emulated second does.
 *
 * <p>Lag: for each job, when its wait ended minus when a poller with no latency, no queueing and
 * the same schedule would have seen the job's end: polls at the wait's start plus the initial delay,
 * then after each delay of the poll backoff, drawn with the jitter that this very wait drew
 * (recorded per wait), the first poll at or after the end seeing it.
 *
 * <p>Arguments: the mode, then the results directory. Writes {@code <mode>.txt} (its line),
 * {@code <mode>-series.csv} and {@code <mode>-lag.csv} there.
 */
public final class GatewayScaleMain {
  private GatewayScaleMain() {}

  /**
   * Records the jitter draws of one wait, so that its ideal schedule can be replayed. The waiter draws
   * from the same source for its schedule (one draw per step) and for the retry of a failed poll (the
   * client's retry backoff, one draw); the ideal poller never fails, so only the schedule's draws are
   * replayed. They are told apart by the checkpoint the wait takes after each poll: after a failed
   * poll ({@code consecutiveFailures() > 0}) the last draw was the retry's, every other draw is the
   * schedule's (no poll here is a 404 within the not-found grace, the one other path after a failure).
   * Without this, a wait throttled once would be compared with a schedule shifted by one draw, off by
   * up to a fifth of an interval either way.
   */
  private static final class Draws implements DoubleSupplier, JobProgressListener {
    double[] values = new double[8];
    int n;
    /** The schedule's draws among the first {@code classified} values, in order. */
    double[] schedule = new double[8];
    int steps;
    int classified;
    /** How many of this wait's polls failed and were retried. */
    int retries;

    @Override
    public synchronized double getAsDouble() {
      double d = ThreadLocalRandom.current().nextDouble();
      if (n == values.length) {
        values = Arrays.copyOf(values, n * 2);
      }
      values[n++] = d;
      return d;
    }

    @Override
    public synchronized void onCheckpoint(WaitCheckpoint checkpoint) {
      boolean retry = checkpoint.consecutiveFailures() > 0;
      retries += retry ? 1 : 0;
      int newSteps = Math.max(0, n - classified - (retry ? 1 : 0));
      if (steps + newSteps > schedule.length) {
        schedule = Arrays.copyOf(schedule, Math.max(schedule.length * 2, steps + newSteps));
      }
      System.arraycopy(values, classified, schedule, steps, newSteps);
      steps += newSteps;
      classified = n;
    }

    /** The draw of schedule step {@code k}; the draws after the last checkpoint are all the schedule's. */
    synchronized double get(int k) {
      if (k < steps) {
        return schedule[k];
      }
      int i = classified + (k - steps);
      return i < n ? values[i] : 0.5;
    }
  }

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path dir = Path.of(args.length > 1 ? args[1] : "target/results");
    boolean big = mode.equals("big");
    int waits = Integer.getInteger("scale.waits", big ? 100_000 : 10_000);
    long seed = Long.getLong("scale.seed", 20261129L);
    double factor = Double.parseDouble(System.getProperty("scale.factor", "1"));
    long window = Long.getLong("scale.window", big ? 20_000L : 60_000L);
    long ramp = Long.getLong("scale.ramp", big ? 0L : 20_000L);
    // Each job runs at least as long as the ramp, so that all the waits are pending together at its end.
    long min = Long.getLong("scale.min", ramp);
    long rttMillis = Long.getLong("scale.rtt", big ? 0L : 50L);
    double limit = mode.equals("throttle") ? throttleLimit(dir) : 0;

    WaitOptions options = ScaleJobs.scaledDefaults(factor);
    // big: the first poll of each wait comes 20 to 80 s (emulated) after it starts, in 100 steps,
    // after its job ended; the 60 s interval is never reached.
    WaitOptions[] bigOptions = new WaitOptions[100];
    for (int b = 0; b < bigOptions.length; b++) {
      bigOptions[b] = WaitOptions.builder()
          .initialDelay(ScaleJobs.scaled(Duration.ofMillis(20_000 + 600L * b), factor))
          .pollInterval(ScaleJobs.scaled(Duration.ofSeconds(60), factor)).maxInterval(ScaleJobs.scaled(Duration.ofSeconds(60), factor))
          .timeout(ScaleJobs.scaled(Duration.ofMinutes(30), factor)).build();
    }
    long[] starts = ScaleJobs.startMillis(waits, ramp);
    long[] ends = ScaleJobs.endMillis(waits, seed, window, ramp, min);
    System.out.printf(Locale.ROOT, "%s: %d waits, started over %.0f s, jobs end %.0f to %.0f s after their wait "
        + "starts (all pending together at %.0f s); round trip %d ms; gateway limit %s; time scaled %.2f× (the run is "
        + "%s); client: defaults%n", mode, waits, ramp / 1000.0, min / 1000.0, (min + window) / 1000.0, ramp / 1000.0,
        rttMillis, limit > 0 ? limit + " requests/s" : "none", factor,
        factor < 1 ? "slowed down, figures in emulated time" : "in real time");

    ScaleMain.Sampler sampler = new ScaleMain.Sampler();
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
        "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", System.getProperty("java.class.path"),
        EmulatorProcess.class.getName(), String.valueOf(waits), String.valueOf(seed), String.valueOf(factor),
        String.valueOf(window), "ramp=" + ramp, "min=" + min, "journal=false", "rateLimit=" + limit,
        "latency=" + Math.round(rttMillis / factor)));
    Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader fromChild = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    PrintStream toChild = new PrintStream(child.getOutputStream(), true, StandardCharsets.UTF_8);
    int port = Integer.parseInt(expect(fromChild, "READY").substring("READY ".length()).trim());

    // defaults=true: nothing but where to go and who we are.
    SfsTurboJobsClient client = SfsTurboJobsClient.builder().endpoint(URI.create("http://127.0.0.1:" + port + "/"))
        .httpConfiguration(h -> h.allowInsecureHttp(true)).projectId(ScaleJobs.PROJECT).credentials(TokenCredentials.of(ScaleJobs.TOKEN)).build();
    JobWaiter shared = client.waiter();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long baseline = big ? liveHeap(memory) : 0;

    sampler.start();
    long go = System.nanoTime();
    toChild.println("GO " + go);
    expect(fromChild, "STARTED");
    @SuppressWarnings("unchecked")
    CompletableFuture<WaitResult>[] futures = (CompletableFuture<WaitResult>[]) new CompletableFuture<?>[waits];
    Draws[] draws = big ? null : new Draws[waits];
    long[] startedAt = new long[waits];
    long[] doneAt = new long[waits];
    for (int i = 0; i < waits; i++) {
      long due = go + (long) (starts[i] * 1e6 / factor);
      long early = due - System.nanoTime();
      if (early > 1_000_000) {
        Thread.sleep(early / 1_000_000);
      }
      int job = i;
      JobWaiter waiter = shared;
      WaitOptions o = big ? bigOptions[i % bigOptions.length] : options;
      if (!big) {
        draws[i] = new Draws();
        waiter = client.waiterBuilder().timeSource(FixedJitterTime.of(draws[i])).build();
        o = options.toBuilder().listener(draws[i]).build();
      }
      startedAt[i] = System.nanoTime();
      futures[i] = waiter.waitForAsync(ScaleJobs.jobId(i), o);
      futures[i].whenComplete((r, e) -> doneAt[job] = System.nanoTime());
    }
    long submitted = System.nanoTime();
    long liveWithWaits = 0;
    if (big) {
      // All waits pending, none polling yet (the first polls come 20 s after): the live set is theirs.
      Thread.sleep(1000);
      liveWithWaits = liveHeap(memory);
    }
    long budgetMillis = (long) ((ramp + min + window + 120_000) / factor);
    try {
      CompletableFuture.allOf(futures).get(budgetMillis, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      System.out.println("not all waits ended within " + budgetMillis + " ms");
    } catch (Exception e) {
      // counted below
    }
    long finished = System.nanoTime();
    sampler.stop();
    toChild.println("STATS");
    String stats = expect(fromChild, "STATS");
    String series = expect(fromChild, "SERIES").substring("SERIES ".length()).trim();
    toChild.println("EXIT");
    child.waitFor(10, TimeUnit.SECONDS);
    client.close();

    int completed = 0;
    Map<String, Integer> failures = new TreeMap<>();
    double[] lags = new double[waits];
    int lagCount = 0;
    for (int i = 0; i < waits; i++) {
      CompletableFuture<WaitResult> f = futures[i];
      if (ScaleJobs.completed(f, failures)) {
        completed++;
        if (!big) {
          double endWall = go + ends[i] * 1e6 / factor;
          double ideal = startedAt[i] + idealSeenAfterNanos(options, draws[i], endWall - startedAt[i]);
          lags[lagCount++] = (doneAt[i] - ideal) * factor / 1e6;
        }
      }
    }
    double[] lag = Arrays.copyOf(lags, lagCount);
    Arrays.sort(lag);
    long requests = Long.parseLong(ScaleJobs.field(stats, "requests"));
    long throttled = Long.parseLong(ScaleJobs.field(stats, "throttled"));
    double[][] points = parseSeries(series);
    System.out.printf(Locale.ROOT, "submitted %d waits in %.1f s; all ended %.1f s after GO (wall)%n", waits,
        (submitted - go) / 1e9, (finished - go) / 1e9);
    System.out.println("emulator: " + stats.substring("STATS ".length()));
    if (!failures.isEmpty()) {
      System.out.println("not completed: " + failures);
    }
    System.out.printf(Locale.ROOT, "threads: peak %d SDK (sfsturbo-scheduler-*), %d OkHttp, %d in all%n",
        sampler.peakSdkThreads, sampler.peakOkHttpThreads, sampler.peakThreads);
    System.out.printf(Locale.ROOT, "heap: peak used %.1f MB; peak still used after a GC %.1f MB%n",
        sampler.peakHeap / 1048576.0, sampler.peakAfterGc.get() / 1048576.0);
    if (!big) {
      int retried = 0;
      for (Draws d : draws) {
        retried += d.retries > 0 ? 1 : 0;
      }
      System.out.printf(Locale.ROOT, "waits with a failed poll retried (a 429 or another transient failure): %d%n",
          retried);
    }
    if (lag.length > 0) {
      System.out.printf(Locale.ROOT, "lag behind the ideal poller (emulated ms): p50=%.0f p90=%.0f p99=%.0f max=%.0f "
          + "(negative: seen earlier, the real poll came later than the ideal one and after the end)%n",
          ScaleJobs.pct(lag, 0.5), ScaleJobs.pct(lag, 0.9), ScaleJobs.pct(lag, 0.99), lag[lag.length - 1]);
    }
    double peakRate = 0;
    for (int k = 1; k < points.length; k++) {
      double dt = points[k][0] - points[k - 1][0];
      if (dt > 0) {
        peakRate = Math.max(peakRate, (points[k][1] - points[k - 1][1]) / dt);
      }
    }
    System.out.printf(Locale.ROOT, "requests: %d in all, %.0f per emulated second at the peak (250 ms samples), "
        + "%.2f per wait%n", requests, peakRate, (double) requests / waits);

    String line;
    switch (mode) {
      case "latency":
        // The unthrottled demand, for the throttle run: the busiest second's request rate. (The mean
        // until the last job ended is printed too: a limit below it cannot keep any poller on schedule.)
        double[] until = before(points, (ramp + min + window) / 1000.0);
        double mean = until[1] / Math.max(1e-9, until[0]);
        double demand = peakRate(points, 1.0);
        System.out.printf(Locale.ROOT, "demand: %.0f requests per emulated second in the busiest second; %.0f on "
            + "average until the last job ended (%.0f s)%n", demand, mean, until[0]);
        // The least queueing any client that sends every poll must see behind a gateway 30 % below
        // that demand: this run's requests fed through a perfect server at the limit (a fluid queue).
        double fluidLimit = Math.floor(0.7 * demand);
        System.out.printf(Locale.ROOT, "a perfect server at %.0f requests/s (30 %% below the busiest second) would "
            + "hold these requests up to %.2f s%n", fluidLimit, fluidQueueSeconds(points, fluidLimit));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("latency-scale-demand.txt"), String.format(Locale.ROOT, "%.1f%n", demand));
        line = String.format(Locale.ROOT, "latency-scale: waits=%d rtt_ms=%d defaults=true completed=%d lost=%d "
            + "lag_p99_ms=%d sdk_threads=%d", waits, rttMillis, completed, waits - completed,
            Math.round(ScaleJobs.pct(lag, 0.99)), sampler.peakSdkThreads);
        break;
      case "throttle":
        double[] afterMinute = after(points, 60);
        double pctAfter = afterMinute[0] == 0 ? 0 : 100.0 * afterMinute[1] / afterMinute[0];
        System.out.printf(Locale.ROOT, "throttled: %d of %d requests in all (%.2f %%); after the first emulated "
            + "minute %.0f of %.0f (%.2f %%)%n", throttled, requests, 100.0 * throttled / requests, afterMinute[1],
            afterMinute[0], pctAfter);
        line = String.format(Locale.ROOT, "throttle: waits=%d limit_rps=%d requests=%d throttled_pct=%.2f "
            + "lag_p99_ms=%d lost=%d", waits, Math.round(limit), requests, pctAfter, Math.round(ScaleJobs.pct(lag, 0.99)),
            waits - completed);
        break;
      default:
        long perWait = (liveWithWaits - baseline) / waits;
        System.out.printf(Locale.ROOT, "live heap (after a full GC): %.1f MB before the waits, %.1f MB with %d "
            + "waits pending%n", baseline / 1048576.0, liveWithWaits / 1048576.0, waits);
        line = String.format(Locale.ROOT, "big-scale: waits=%d completed=%d lost=%d sdk_threads=%d live_heap_mb=%d "
            + "bytes_per_wait=%d", waits, completed, waits - completed, sampler.peakSdkThreads,
            Math.round(liveWithWaits / 1048576.0), perWait);
    }
    System.out.println(line);
    Files.createDirectories(dir);
    String name = mode.equals("latency") ? "latency-scale" : mode.equals("big") ? "big-scale" : mode;
    Files.writeString(dir.resolve(name + ".txt"), line + "\n", StandardCharsets.UTF_8);
    StringBuilder csv = new StringBuilder("emulated_s,requests,throttled\n");
    for (double[] p : points) {
      csv.append(String.format(Locale.ROOT, "%.3f,%d,%d%n", p[0], (long) p[1], (long) p[2]));
    }
    Files.writeString(dir.resolve(name + "-series.csv"), csv, StandardCharsets.UTF_8);
    if (lag.length > 0) {
      StringBuilder lagCsv = new StringBuilder("lag_ms\n");
      for (double l : lag) {
        lagCsv.append(Math.round(l)).append('\n');
      }
      Files.writeString(dir.resolve(name + "-lag.csv"), lagCsv, StandardCharsets.UTF_8);
    }
    System.exit(0);
  }

  /**
   * The throttle run's gateway limit: {@code scale.limit}, else 30 % below the demand that the
   * latency run measured (its busiest second's request rate), else 1 600 requests/s.
   */
  private static double throttleLimit(Path dir) throws IOException {
    String given = System.getProperty("scale.limit");
    if (given != null) {
      return Double.parseDouble(given);
    }
    Path demand = dir.resolve("latency-scale-demand.txt");
    if (Files.exists(demand)) {
      return Math.floor(0.7 * Double.parseDouble(Files.readString(demand).trim()));
    }
    return 1600;
  }

  /** The longest a fluid queue served at {@code rate} holds the sampled arrivals, in seconds. */
  private static double fluidQueueSeconds(double[][] points, double rate) {
    double backlog = 0;
    double worst = 0;
    for (int i = 1; i < points.length; i++) {
      double dt = points[i][0] - points[i - 1][0];
      backlog = Math.max(0, backlog + (points[i][1] - points[i - 1][1]) - rate * dt);
      worst = Math.max(worst, backlog / rate);
    }
    return worst;
  }

  /** The highest request rate over any window of about {@code seconds} (whole samples). */
  private static double peakRate(double[][] points, double seconds) {
    double peak = 0;
    int j = 0;
    for (int i = 0; i < points.length; i++) {
      while (j < i && points[i][0] - points[j + 1][0] >= seconds) {
        j++;
      }
      double dt = points[i][0] - points[j][0];
      if (dt >= seconds * 0.9) {
        peak = Math.max(peak, (points[i][1] - points[j][1]) / dt);
      }
    }
    return peak;
  }

  /** {emulated seconds, requests} at the last sample before {@code seconds}. */
  private static double[] before(double[][] points, double seconds) {
    double[] at = {0, 0};
    for (double[] p : points) {
      if (p[0] > seconds) {
        break;
      }
      at = new double[] {p[0], p[1]};
    }
    return at;
  }

  /** Requests and throttled requests answered after {@code fromSeconds} of emulated time. */
  private static double[] after(double[][] points, double fromSeconds) {
    double[] at = null;
    for (double[] p : points) {
      if (p[0] >= fromSeconds) {
        at = p;
        break;
      }
    }
    if (at == null || points.length == 0) {
      return new double[] {0, 0};
    }
    double[] last = points[points.length - 1];
    return new double[] {last[1] - at[1], last[2] - at[2]};
  }

  /** When the ideal poller sees the end, in nanoseconds after the wait's start. */
  static double idealSeenAfterNanos(WaitOptions o, Draws draws, double endNanos) {
    Backoff backoff = o.pollBackoff();
    double t = o.initialDelay().toNanos();
    int k = 0;
    while (t < endNanos) {
      t += backoff.delay(k, draws.get(k)).toNanos();
      k++;
    }
    return t;
  }

  private static double[][] parseSeries(String series) {
    if (series.isEmpty()) {
      return new double[0][];
    }
    String[] parts = series.split(",");
    double[][] points = new double[parts.length][];
    for (int i = 0; i < parts.length; i++) {
      String[] v = parts[i].split(":");
      points[i] = new double[] {Double.parseDouble(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[2])};
    }
    return points;
  }

  private static long liveHeap(MemoryMXBean memory) throws InterruptedException {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
      best = Math.min(best, memory.getHeapMemoryUsage().getUsed());
    }
    return best;
  }

  private static String expect(BufferedReader in, String prefix) throws IOException {
    String line;
    while ((line = in.readLine()) != null) {
      if (line.startsWith(prefix)) {
        return line;
      }
      System.out.println("emulator: " + line);
    }
    throw new IOException("the emulator process ended before saying " + prefix);
  }
}
