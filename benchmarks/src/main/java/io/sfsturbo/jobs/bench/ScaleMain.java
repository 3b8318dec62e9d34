// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.auth.TokenCredentials;
import io.sfsturbo.jobs.waiter.JobWaiter;
import io.sfsturbo.jobs.waiter.WaitOptions;
import io.sfsturbo.jobs.waiter.WaitResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The waiter scale run: {@code scale.jobs} (10 000) concurrent {@link JobWaiter#waitForAsync} waits
 * against the emulator, whose jobs end at random points of one emulated minute.
 *
 * <p>The emulator runs in a child JVM ({@link EmulatorProcess}) on a clock that runs
 * {@code scale.factor} times as fast as the wall clock from this JVM's GO, and the waits use the default
 * {@link WaitOptions} schedule divided by that factor (first poll at once, 2 s growing ×1.5 to
 * 30 s, jitter 0.2, all divided). The default factor is 1: on a 2-core machine the loopback
 * client and server saturate the CPU at 2× and more, and the poll counts then measure the
 * saturation rather than the waiter. Figures in emulated time are what the default schedule
 * gives in real time, but for request latency, which is not scaled.
 *
 * <p>Measured in this JVM by a sampler thread every 10 ms: the peak used heap, the peak number
 * of live SDK threads (named {@code sfsturbo-scheduler-N}); after every GC, the heap still in use.
 * Writes the {@code scale: ...} line to the file given as the first argument.
 */
public final class ScaleMain {
  private ScaleMain() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "target/scale.txt");
    int jobs = Integer.getInteger("scale.jobs", 10_000);
    long seed = Long.getLong("scale.seed", 20261129L);
    double factor = Double.parseDouble(System.getProperty("scale.factor", "1"));
    long windowMillis = Long.getLong("scale.window", 60_000L);
    int concurrency = Integer.getInteger("scale.concurrency", 32);

    WaitOptions options = ScaleJobs.scaledDefaults(factor);
    long[] ends = ScaleJobs.endMillis(jobs, seed, windowMillis);
    System.out.printf(Locale.ROOT, "%d waits; jobs end uniformly within %.0f s of emulated time; time scaled %.1f× "
        + "(%.1f s wall); %s; OkHttp: %d requests at a time%n", jobs, windowMillis / 1000.0, factor,
        windowMillis / factor / 1000.0, options, concurrency);

    Sampler sampler = new Sampler();
    Process child = startEmulator(jobs, seed, factor, windowMillis);
    BufferedReader fromChild = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    PrintStream toChild = new PrintStream(child.getOutputStream(), true, StandardCharsets.UTF_8);
    int port = Integer.parseInt(expect(fromChild, "READY").substring("READY ".length()).trim());

    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(concurrency);
    dispatcher.setMaxRequestsPerHost(concurrency);
    OkHttpClient http = new OkHttpClient.Builder().dispatcher(dispatcher)
        .connectionPool(new ConnectionPool(concurrency, 5, TimeUnit.MINUTES)).build();
    SfsTurboJobsClient client = SfsTurboJobsClient.builder().endpoint(URI.create("http://127.0.0.1:" + port + "/"))
        .httpConfiguration(h -> h.allowInsecureHttp(true)).projectId(ScaleJobs.PROJECT).credentials(TokenCredentials.of(ScaleJobs.TOKEN))
        .httpConfiguration(h -> h.httpClient(http)).build();
    JobWaiter waiter = client.waiter();

    sampler.start();
    long go = System.nanoTime();
    toChild.println("GO " + go);
    expect(fromChild, "STARTED");
    @SuppressWarnings("unchecked")
    CompletableFuture<WaitResult>[] waits = (CompletableFuture<WaitResult>[]) new CompletableFuture<?>[jobs];
    long[] startedAt = new long[jobs];
    long[] doneAt = new long[jobs];
    for (int i = 0; i < jobs; i++) {
      int job = i;
      startedAt[i] = System.nanoTime();
      waits[i] = waiter.waitForAsync(ScaleJobs.jobId(i), options);
      waits[i].whenComplete((r, e) -> doneAt[job] = System.nanoTime());
    }
    long submitted = System.nanoTime();
    long budgetMillis = (long) (windowMillis / factor) + 120_000;
    try {
      CompletableFuture.allOf(waits).get(budgetMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      System.out.println("not all waits ended within " + budgetMillis + " ms");
    } catch (Exception e) {
      // some waits failed: counted below
    }
    long finished = System.nanoTime();
    sampler.stop();

    toChild.println("STATS");
    String stats = expect(fromChild, "STATS");
    toChild.println("EXIT");
    child.waitFor(10, TimeUnit.SECONDS);
    client.close();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();

    int completed = 0;
    long sdkPolls = 0;
    double idealPolls = 0;
    List<Double> lags = new ArrayList<>();
    double[] idealLag = new double[jobs];
    Map<String, Integer> failures = new TreeMap<>();
    for (int i = 0; i < jobs; i++) {
      // The job ends (wall) ends[i] / factor after GO; the wait started a little later.
      double endSinceWaitStart = ends[i] / factor - (startedAt[i] - go) / 1e6;
      idealPolls += ScaleJobs.idealPolls(options, endSinceWaitStart);
      idealLag[i] = ScaleJobs.idealLagMillis(options, endSinceWaitStart) * factor / 1000.0;
      CompletableFuture<WaitResult> w = waits[i];
      if (ScaleJobs.completed(w, failures)) {
        completed++;
        sdkPolls += w.join().polls();
        lags.add(((doneAt[i] - go) / 1e6 - ends[i] / factor) * factor / 1000.0);
      }
    }
    long served = Long.parseLong(ScaleJobs.field(stats, "polls"));
    double[] lag = lags.stream().mapToDouble(Double::doubleValue).sorted().toArray();

    System.out.printf(Locale.ROOT, "submitted %d waits in %d ms; all ended %.1f s after GO (the last job ends "
        + "at %.1f s wall)%n", jobs, (submitted - go) / 1_000_000 - (startedAt[0] - go) / 1_000_000,
        (finished - go) / 1e9, Arrays.stream(ends).max().orElse(0) / factor / 1000.0);
    System.out.println("emulator: " + stats.substring("STATS ".length()) + "; polls counted by the waits: " + sdkPolls);
    if (!failures.isEmpty()) {
      System.out.println("not completed: " + failures);
    }
    if (lag.length > 0) {
      System.out.printf(Locale.ROOT, "seen after the job's end (emulated s): p50=%.2f p90=%.2f p99=%.2f max=%.2f%n",
          ScaleJobs.pct(lag, 0.50), ScaleJobs.pct(lag, 0.90), ScaleJobs.pct(lag, 0.99), lag[lag.length - 1]);
      Arrays.sort(idealLag);
      System.out.printf(Locale.ROOT, "  a perfect poller of the same schedule:  p50=%.2f p90=%.2f p99=%.2f max=%.2f%n",
          ScaleJobs.pct(idealLag, 0.50), ScaleJobs.pct(idealLag, 0.90), ScaleJobs.pct(idealLag, 0.99), idealLag[idealLag.length - 1]);
    }
    System.out.printf(Locale.ROOT, "threads: peak %d SDK (sfsturbo-scheduler-*), %d OkHttp, %d in all%n",
        sampler.peakSdkThreads, sampler.peakOkHttpThreads, sampler.peakThreads);
    System.out.printf(Locale.ROOT, "heap: peak used %.1f MB (max %d MB); peak still used after a GC %.1f MB; %d GCs%n",
        sampler.peakHeap / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576, sampler.peakAfterGc.get() / 1048576.0,
        sampler.gcs.get());

    String line = String.format(Locale.ROOT, "scale: waits=%d completed=%d lost=%d sdk_threads=%d peak_heap_mb=%d "
        + "polls_per_job=%.2f ideal_polls_per_job=%.2f", jobs, completed, jobs - completed, sampler.peakSdkThreads,
        Math.round(sampler.peakHeap / 1048576.0), (double) served / jobs, idealPolls / jobs);
    System.out.println(line);
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, line + "\n", StandardCharsets.UTF_8);
    System.exit(0);
  }

  private static Process startEmulator(int jobs, long seed, double factor, long windowMillis) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = List.of(java, "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", System.getProperty("java.class.path"), EmulatorProcess.class.getName(),
        String.valueOf(jobs), String.valueOf(seed), String.valueOf(factor), String.valueOf(windowMillis));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
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

  /** Samples heap and threads every 10 ms; hears every GC. */
  static final class Sampler {
    final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    final AtomicLong peakAfterGc = new AtomicLong();
    final AtomicLong gcs = new AtomicLong();
    volatile boolean running = true;
    volatile long peakHeap;
    volatile int peakSdkThreads;
    volatile int peakOkHttpThreads;
    volatile int peakThreads;
    private Thread thread;

    void start() {
      Set<String> heapPools = new HashSet<>();
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          heapPools.add(pool.getName());
        }
      }
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
          if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
          }
          GarbageCollectionNotificationInfo info =
              GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
          long used = 0;
          for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(pool.getKey())) {
              used += pool.getValue().getUsed();
            }
          }
          gcs.incrementAndGet();
          peakAfterGc.accumulateAndGet(used, Math::max);
        }, null, null);
      }
      thread = new Thread(this::run, "bench-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join();
    }

    private void run() {
      while (running) {
        peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
        int sdk = 0;
        int okhttp = 0;
        int all = 0;
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
          if (t == null) {
            continue;
          }
          all++;
          if (t.getThreadName().startsWith("sfsturbo-scheduler-")) {
            sdk++;
          } else if (t.getThreadName().startsWith("OkHttp")) {
            okhttp++;
          }
        }
        peakSdkThreads = Math.max(peakSdkThreads, sdk);
        peakOkHttpThreads = Math.max(peakOkHttpThreads, okhttp);
        peakThreads = Math.max(peakThreads, all);
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }
}
