// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testkit;

import com.google.gson.JsonArray;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.model.SubJobDetail;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.SfsTurboJobsClientBuilder;
import io.sfsturbo.jobs.config.Environment;
import io.sfsturbo.jobs.testkit.internal.IamProjects;
import io.sfsturbo.jobs.testkit.internal.MetadataService;
import io.sfsturbo.jobs.testkit.internal.RequestLimits;
import io.sfsturbo.jobs.testkit.internal.SignatureVerifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;

/**
 * An in-process SFS Turbo jobs service on loopback: serves
 * {@code GET /v1/{project_id}/sfs-turbo/jobs/{job_id}} as the API page describes, with
 * {@code X-request-id}, the documented error bodies (404 {@code SFS.TURBO.0019} for an unknown
 * job), authentication checked like the gateway, scripted jobs, injected faults and a journal.
 * Like any HTTP server it bounds what one request may make it hold: 64 KiB of request line and headers (else
 * 431) and 64 KiB of body (else 413, before the body is read), so that a standalone emulator
 * ({@code sfsturbo-jobs emulate}) survives a client sending an endless header or body.
 *
 * <!-- src_embed javadoc.emulator -->
 * <pre>
 * try &#40;SfsTurboEmulator emulator = SfsTurboEmulator.builder&#40;&#41;.build&#40;&#41;.start&#40;&#41;;
 *     SfsTurboJobsClient client = emulator.newClient&#40;&#41;&#41; &#123;
 *   emulator.addJob&#40;JobScript.builder&#40;&quot;job-1&quot;&#41;
 *       .status&#40;&quot;running&quot;, 2&#41;
 *       .succeeds&#40;&#41;
 *       .build&#40;&#41;&#41;;
 *   WaitResult done = client.waiter&#40;&#41;
 *       .waitFor&#40;&quot;job-1&quot;, o -&gt; o.pollInterval&#40;Duration.ofMillis&#40;10&#41;&#41;&#41;;
 * &#125;
 * </pre>
 * <!-- end javadoc.emulator -->
 */
public final class SfsTurboEmulator implements AutoCloseable {
  private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
  private static final Gson GSON = new Gson();

  private final String projectId;
  private final EmulatorAuth auth;
  private final Clock clock;
  private final Duration stallDuration;
  private final MockWebServer server = new MockWebServer();
  private final RequestLimits limits =
      new RequestLimits(RequestLimits.DEFAULT_MAX_HEAD_BYTES, RequestLimits.DEFAULT_MAX_BODY_BYTES);
  /** Counted down by {@link #close()}: releases every request held by {@link Fault#STALL} at once. */
  private final CountDownLatch stopped = new CountDownLatch(1);
  /**
   * The answer to a stalled request once its hold ends: the connection is dropped before any
   * status line, so even then the client never sees a response. Compared by identity.
   */
  private final MockResponse stalled =
      new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
  private final Map<String, JobState> jobs = new ConcurrentHashMap<>();
  /**
   * Guarded by itself. Not a CopyOnWriteArrayList: that copies the whole list on every request, which
   * grows with the journal.
   */
  private final List<RecordedCall> journal = new ArrayList<>();
  private final boolean keepJournal;
  private final Duration latencyMin;
  private final Duration latencyMax;
  private final Random latencyRandom;
  private final RateLimit rateLimit;
  private final Deque<Fault> scriptedFaults = new ArrayDeque<>();
  /** Faults for the next requests to the instance metadata service; guarded by scriptedFaults. */
  private final Deque<Fault> metadataFaults = new ArrayDeque<>();
  /** Null unless the auth is {@link EmulatorAuth#instanceMetadata(Duration)}. */
  private final MetadataService metadata;
  private final IamProjects iam;
  private final Map<String, Deque<Fault>> jobFaults = new HashMap<>();
  private final AtomicLong requestIds = new AtomicLong();
  private volatile double faultRate;
  private volatile Fault[] rateFaults = new Fault[0];
  private Random random = new Random(1);

  /** A job's script and how far it has got. */
  private final class JobState {
    final JobScript script;
    final Instant addedAt;
    int polls;
    Instant endedAt;
    /** When each sub-job ended (null while it runs), by its index in the script. */
    final Instant[] subEndedAt;

    JobState(JobScript script, Instant addedAt) {
      this.script = script;
      this.addedAt = addedAt;
      this.subEndedAt = new Instant[script.subJobs().size()];
    }
  }

  private SfsTurboEmulator(Builder b) {
    this.projectId = b.projectId;
    this.auth = b.auth;
    this.clock = b.clock;
    this.stallDuration = b.stallDuration;
    this.keepJournal = b.keepJournal;
    this.latencyMin = b.latencyMin;
    this.latencyMax = b.latencyMax;
    this.latencyRandom = new Random(b.latencySeed);
    this.rateLimit = b.rateLimitPerSecond > 0 ? new RateLimit(b.rateLimitPerSecond) : null;
    this.metadata = b.auth.isInstanceMetadata() ? new MetadataService(b.auth.metadataKeyLifetime) : null;
    this.iam = new IamProjects(b.iamProjectIds != null ? b.iamProjectIds : Collections.singletonList(b.projectId));
    // Bounds what one request may make the server hold (MockWebServer has none), and sets TCP_NODELAY: without
    // it every answer waits ~40 ms for a delayed ACK on Linux (see NoDelayServerSocketFactory).
    server.setServerSocketFactory(limits.serverSocketFactory());
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        RequestLimits.Refusal refused = limits.refusal(request.getUrl().encodedPath());
        if (refused != null) {
          // A request over the bounds, which the socket's guard never let MockWebServer read.
          if (!keepJournal) {
            server.takeRequest(0, TimeUnit.NANOSECONDS);
          }
          return refusal(refused);
        }
        MockResponse response = handle(request);
        if (response == stalled) {
          // Held here, on the connection's own thread, rather than with MockResponse.headersDelay or
          // SocketEffect.Stall: those only look at whether the server closed the socket, while this
          // wait also ends the moment close() counts the latch down, so close() stays fast.
          stopped.await(stallDuration.toNanos(), TimeUnit.NANOSECONDS);
        }
        long latency = latencyNanos();
        if (latency > 0) {
          // On the connection's own thread, as a gateway's round trip holds that connection; the
          // latch ends it early on close(). Requests on other connections are not held by it.
          stopped.await(latency, TimeUnit.NANOSECONDS);
        }
        if (!keepJournal) {
          // MockWebServer queues every request it served for takeRequest(); drop this one.
          server.takeRequest(0, TimeUnit.NANOSECONDS);
        }
        return response;
      }
    });
  }

  /** Returns a builder: project {@code emulator-project}, token {@code emulator-token}, system clock. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts serving on a free loopback port.
   *
   * @return this emulator
   */
  public SfsTurboEmulator start() {
    return start(InetAddress.getLoopbackAddress(), 0);
  }

  /**
   * Starts serving on the given address and port, for a standalone emulator that other processes use
   * ({@code sfsturbo-jobs emulate}). Its credentials are for tests only: prefer a loopback address.
   *
   * @param address the address to listen on
   * @param port the port, 0 for a free one
   * @return this emulator
   */
  public SfsTurboEmulator start(InetAddress address, int port) {
    try {
      server.start(address, port);
    } catch (IOException e) {
      throw new UncheckedIOException("the emulator could not listen on port " + port, e);
    }
    return this;
  }

  /** Returns the endpoint to give a client ({@code http://127.0.0.1:port/}). */
  public URI endpoint() {
    return server.url("/").uri();
  }

  /** Returns the project id the emulator serves. */
  public String projectId() {
    return projectId;
  }

  /** Returns the authentication the emulator accepts. */
  public EmulatorAuth auth() {
    return auth;
  }

  /**
   * Returns a client builder aimed at this emulator, with matching project and credentials and
   * plain http allowed; change what the test needs and build it. With
   * {@link EmulatorAuth#instanceMetadata(Duration)} it sets no credentials but an environment of
   * {@link #environmentVariables()} (and a home directory without a credentials profile): the client's default
   * chain finds this emulator's metadata service, on the client's time source.
   */
  public SfsTurboJobsClientBuilder clientBuilder() {
    SfsTurboJobsClientBuilder b = SfsTurboJobsClient.builder().endpoint(endpoint())
        .httpConfiguration(h -> h.allowInsecureHttp(true)).projectId(projectId);
    if (metadata != null) {
      return b.environment(Environment.of(environmentVariables(),
          java.nio.file.Paths.get(System.getProperty("java.io.tmpdir"), "sfsturbo-emulator-no-home")));
    }
    return b.credentials(auth.clientCredentials());
  }

  /**
   * Returns the variables that point a client at this emulator's instance metadata service
   * ({@code SFSTURBO_METADATA_ENDPOINT}) and IAM ({@code HUAWEICLOUD_SDK_IAM_ENDPOINT}, where the project id is
   * looked up); add {@code HUAWEICLOUD_SDK_REGION_SFSTURBO_{REGION}} to reach the jobs by a region.
   *
   * @return a new modifiable map
   */
  public Map<String, String> environmentVariables() {
    Map<String, String> v = new HashMap<>();
    String base = endpoint().toString();
    v.put("SFSTURBO_METADATA_ENDPOINT", base);
    v.put("HUAWEICLOUD_SDK_IAM_ENDPOINT", base);
    return v;
  }

  /**
   * Answers the next requests to the instance metadata service with these faults, in order ({@link Fault#STALL}:
   * never answers; {@link Fault#INTERNAL_ERROR}: 500; {@link Fault#UNAUTHORIZED}: 401; {@link
   * Fault#CONNECTION_RESET}: the connection dropped).
   *
   * @param faults the faults
   * @return this emulator
   */
  public SfsTurboEmulator enqueueMetadataFaults(Fault... faults) {
    synchronized (scriptedFaults) {
      Collections.addAll(metadataFaults, faults);
    }
    return this;
  }

  /** Returns how many securitykey requests the instance metadata service answered (faults not counted). */
  public long metadataKeyRequests() {
    return metadata == null ? 0 : metadata.keyRequests();
  }

  /** Returns how many session tokens the instance metadata service was asked for. */
  public long metadataTokenRequests() {
    return metadata == null ? 0 : metadata.tokenRequests();
  }

  /** Returns how many project lookups ({@code GET /v3/projects}) IAM answered. */
  public long projectLookups() {
    return iam.lookups();
  }

  /** Returns a new client aimed at this emulator; close it when done. */
  public SfsTurboJobsClient newClient() {
    return clientBuilder().build();
  }

  /**
   * Adds (or replaces) a job; allowed while the emulator runs. Its time starts now.
   *
   * @param script the job's script
   * @return this emulator
   */
  public SfsTurboEmulator addJob(JobScript script) {
    jobs.put(script.jobId(), new JobState(script, clock.instant()));
    return this;
  }

  /**
   * Answers the next requests, whatever job they ask for, with these faults, in order.
   *
   * @param faults the faults
   * @return this emulator
   */
  public SfsTurboEmulator enqueueFaults(Fault... faults) {
    synchronized (scriptedFaults) {
      Collections.addAll(scriptedFaults, faults);
    }
    return this;
  }

  /**
   * Answers the next requests for one job with these faults, in order.
   *
   * @param jobId the job
   * @param faults the faults
   * @return this emulator
   */
  public SfsTurboEmulator enqueueFaults(String jobId, Fault... faults) {
    synchronized (scriptedFaults) {
      Collections.addAll(jobFaults.computeIfAbsent(jobId, k -> new ArrayDeque<>()), faults);
    }
    return this;
  }

  /**
   * Answers a fraction of requests with a fault drawn from the given kinds (seeded, so that runs repeat).
   *
   * @param rate between 0 and 1
   * @param seed the random seed
   * @param kinds the faults to draw from
   * @return this emulator
   */
  public SfsTurboEmulator faultRate(double rate, long seed, Fault... kinds) {
    if (!(rate >= 0 && rate <= 1)) {
      throw new IllegalArgumentException("rate must be between 0 and 1, was " + rate);
    }
    if (rate > 0 && kinds.length == 0) {
      throw new IllegalArgumentException("give at least one fault kind");
    }
    synchronized (scriptedFaults) {
      this.random = new Random(seed);
      this.rateFaults = kinds.clone();
      this.faultRate = rate;
    }
    return this;
  }

  /** Returns every request received so far, in order (none when the builder turned the journal off). */
  public List<RecordedCall> journal() {
    synchronized (journal) {
      return Collections.unmodifiableList(new ArrayList<>(journal));
    }
  }

  /**
   * Returns how many requests were answered with 429 because they passed the
   * {@linkplain Builder#rateLimit(double) rate limit} (counted even without a journal).
   */
  public long throttledRequests() {
    return rateLimit == null ? 0 : rateLimit.refused.get();
  }

  /** Returns how many requests the emulator answered (counted even without a journal). */
  public long requestsServed() {
    return requestIds.get();
  }

  /**
   * Returns the requests received for one job.
   *
   * @param jobId the job
   * @return its requests, in order
   */
  public List<RecordedCall> journal(String jobId) {
    List<RecordedCall> calls = new ArrayList<>();
    for (RecordedCall c : journal()) {
      if (jobId.equals(c.jobId())) {
        calls.add(c);
      }
    }
    return calls;
  }

  /**
   * Returns how many times a job was answered with its state (faults not counted).
   *
   * @param jobId the job
   * @return the number of polls served
   */
  public int pollsServed(String jobId) {
    JobState s = jobs.get(jobId);
    if (s == null) {
      return 0;
    }
    synchronized (s) {
      return s.polls;
    }
  }

  /** Stops serving: requests held by {@link Fault#STALL} are dropped at once, unanswered. */
  @Override
  public void close() {
    stopped.countDown();
    server.close();
  }

  private MockResponse handle(RecordedRequest request) {
    Instant now = clock.instant();
    List<String> segments = request.getUrl().pathSegments();
    String jobId = segments.size() == 5 && segments.get(0).equals("v1") && segments.get(2).equals("sfs-turbo")
        && segments.get(3).equals("jobs") ? segments.get(4) : null;
    Map<String, String> headers = new HashMap<>();
    for (String name : request.getHeaders().names()) {
      headers.put(name.toLowerCase(Locale.ROOT), request.getHeaders().get(name));
    }
    Fault fault = null;
    long retryAfter;
    int status;
    MockResponse response;
    String requestId = "emu-" + requestIds.incrementAndGet();
    String path = request.getUrl().encodedPath();
    if (metadata != null && MetadataService.serves(path)) {
      Fault metadataFault;
      synchronized (scriptedFaults) {
        metadataFault = metadataFaults.poll();
      }
      if (metadataFault == Fault.STALL) {
        return stalled;
      }
      return metadataFault == null ? metadata.handle(request, now) : metadataFault == Fault.CONNECTION_RESET
          ? new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build()
          : new MockResponse.Builder().code(faultStatus(metadataFault)).body("fault").build();
    }
    String authFailure = authFailure(request, now);
    if (authFailure != null) {
      status = 401;
      response = gatewayError(401, "APIGW.0301", authFailure, requestId, now);
    } else if (IamProjects.serves(request) && "GET".equals(request.getMethod())) {
      status = 200;
      response = iam.handle(request, requestId);
    } else if (jobId == null || !"GET".equals(request.getMethod())) {
      status = jobId == null ? 404 : 405;
      response = sfsError(status, "SFS.TURBO.0001", "parameter error", requestId);
    } else if (rateLimit != null && (retryAfter = rateLimit.refuse(now)) > 0) {
      // The gateway's flow control comes before the service: its 429 is the gateway's shape.
      fault = Fault.THROTTLED;
      status = 429;
      response = gatewayError(429, "APIGW.0308", "The throttling threshold has been reached", requestId, now)
          .newBuilder().addHeader("Retry-After", Long.toString(retryAfter)).build();
    } else if ((fault = nextFault(jobId)) != null) {
      response = faultResponse(fault, jobId, requestId, now);
      status = faultStatus(fault);
    } else if (!segments.get(1).equals(projectId)) {
      status = 404;
      response = sfsError(404, "SFS.TURBO.0001", "parameter error", requestId);
    } else {
      JobState state = jobs.get(jobId);
      if (state == null) {
        status = 404;
        response = sfsError(404, "SFS.TURBO.0019", "job id is invalid", requestId);
      } else {
        status = 200;
        response = json(200, jobJson(state, now, true).toString(), requestId);
      }
    }
    if (keepJournal) {
      RecordedCall call = new RecordedCall(now, request.getMethod(), request.getTarget(), headers, jobId, status, fault);
      synchronized (journal) {
        journal.add(call);
      }
    }
    return response;
  }

  private long latencyNanos() {
    if (latencyMax.isZero()) {
      return 0;
    }
    long min = latencyMin.toNanos();
    long spread = latencyMax.toNanos() - min;
    if (spread == 0) {
      return min;
    }
    synchronized (latencyRandom) {
      return min + (long) (latencyRandom.nextDouble() * spread);
    }
  }

  /**
   * A gateway's flow control: a token bucket on the emulator's clock that holds one second of
   * requests and refills at the limit; a request that finds it empty is refused.
   */
  private static final class RateLimit {
    final double perSecond;
    final java.util.concurrent.atomic.AtomicLong refused = new java.util.concurrent.atomic.AtomicLong();
    double tokens;
    long lastNanos = Long.MIN_VALUE;

    RateLimit(double perSecond) {
      this.perSecond = perSecond;
      this.tokens = Math.max(1, perSecond);
    }

    /** Takes a token; returns 0 when there was one, else the Retry-After in whole seconds (at least 1). */
    synchronized long refuse(Instant now) {
      long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
      if (lastNanos != Long.MIN_VALUE && nanos > lastNanos) {
        tokens = Math.min(Math.max(1, perSecond), tokens + (nanos - lastNanos) / 1e9 * perSecond);
      }
      lastNanos = Math.max(lastNanos, nanos);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      refused.incrementAndGet();
      // When the next token comes, rounded up to whole seconds as the header carries them.
      return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
    }
  }

  private String authFailure(RecordedRequest request, Instant now) {
    Headers h = request.getHeaders();
    if (metadata != null) {
      return metadataKeyFailure(request, h, now);
    }
    if (auth.token != null) {
      String token = h.get("X-Auth-Token");
      return auth.token.equals(token) ? null : "Incorrect IAM authentication information: token invalid";
    }
    SignatureVerifier.Result r = SignatureVerifier.verify(request.getMethod(), request.getUrl(), h,
        request.getBody() == null ? new byte[0] : request.getBody().toByteArray(), auth.accessKey, auth.secretKey, now);
    switch (r) {
      case VALID:
        return null;
      case EXPIRED:
        return "Incorrect IAM authentication information: the request has expired (X-Sdk-Date too far from now)";
      default:
        return "Incorrect IAM authentication information: verify aksk signature fail";
    }
  }

  /** A request signed with keys the metadata service issued, carrying their security token, before they expire. */
  private String metadataKeyFailure(RecordedRequest request, Headers h, Instant now) {
    String authorization = h.get("Authorization");
    int at = authorization == null ? -1 : authorization.indexOf("Access=");
    String ak = at < 0 ? null : authorization.substring(at + 7, Math.max(at + 7, authorization.indexOf(',', at)));
    MetadataService.Issued keys = metadata.issued(ak);
    if (keys == null || !keys.securityToken.equals(h.get("X-Security-Token"))) {
      return "Incorrect IAM authentication information: unknown temporary access key or security token";
    }
    if (!now.isBefore(keys.expiresAt)) {
      return "Incorrect IAM authentication information: the security token has expired";
    }
    SignatureVerifier.Result r = SignatureVerifier.verify(request.getMethod(), request.getUrl(), h,
        request.getBody() == null ? new byte[0] : request.getBody().toByteArray(), ak, keys.secretKey, now);
    return r == SignatureVerifier.Result.VALID ? null
        : "Incorrect IAM authentication information: verify aksk signature fail";
  }

  private Fault nextFault(String jobId) {
    synchronized (scriptedFaults) {
      Deque<Fault> forJob = jobFaults.get(jobId);
      if (forJob != null && !forJob.isEmpty()) {
        return forJob.poll();
      }
      if (!scriptedFaults.isEmpty()) {
        return scriptedFaults.poll();
      }
      if (faultRate > 0 && random.nextDouble() < faultRate) {
        return rateFaults[random.nextInt(rateFaults.length)];
      }
      return null;
    }
  }

  private static int faultStatus(Fault fault) {
    switch (fault) {
      case THROTTLED:
      case THROTTLED_NO_RETRY_AFTER:
        return 429;
      case INTERNAL_ERROR:
        return 500;
      case BAD_GATEWAY_HTML:
        return 502;
      case SERVICE_UNAVAILABLE:
        return 503;
      case GATEWAY_TIMEOUT:
        return 504;
      case BAD_REQUEST:
        return 400;
      case UNAUTHORIZED:
        return 401;
      case FORBIDDEN:
        return 403;
      case NOT_FOUND:
        return 404;
      case CONNECTION_RESET:
      case STALL:
        return 0;
      default:
        return 200;
    }
  }

  private MockResponse faultResponse(Fault fault, String jobId, String requestId, Instant now) {
    switch (fault) {
      case THROTTLED:
        return gatewayError(429, "APIGW.0308", "The throttling threshold has been reached", requestId, now)
            .newBuilder().addHeader("Retry-After", "1").build();
      case THROTTLED_NO_RETRY_AFTER:
        return gatewayError(429, "APIGW.0308", "The throttling threshold has been reached", requestId, now);
      case INTERNAL_ERROR:
        return sfsError(500, "SFS.TURBO.0005", "Internal server error", requestId);
      case BAD_GATEWAY_HTML:
        return html(502, "<html><head><title>502 Bad Gateway</title></head><body>Bad Gateway</body></html>");
      case SERVICE_UNAVAILABLE:
        return sfsError(503, "SFS.TURBO.0005", "Service unavailable", requestId);
      case GATEWAY_TIMEOUT:
        return gatewayError(504, "APIGW.0201", "Request timed out in the backend", requestId, now);
      case CONNECTION_RESET:
        return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
      case TRUNCATED_BODY:
        JobState state = jobs.get(jobId);
        String body = state == null ? "{\"job_id\":\"" + jobId + "\",\"status\":\"running\"}"
            : jobJson(state, now, false).toString();
        return json(200, body, requestId).newBuilder()
            .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build();
      case STALL:
        return stalled;
      case HTML_200:
        return html(200, "<html><body>Please sign in to the network</body></html>");
      case MALFORMED_JSON:
        return json(200, "{\"job_id\": \"" + jobId + "\", \"status\": \"runn", requestId);
      case EMPTY_200:
        return json(200, "", requestId);
      case BAD_REQUEST:
        return sfsError(400, "SFS.TURBO.0001", "parameter error", requestId);
      case UNAUTHORIZED:
        return gatewayError(401, "APIGW.0301", "Incorrect IAM authentication information", requestId, now);
      case FORBIDDEN:
        return sfsError(403, "SFS.TURBO.0015", "No permission", requestId);
      case NOT_FOUND:
        return sfsError(404, "SFS.TURBO.0019", "job id is invalid", requestId);
      default:
        throw new IllegalStateException("no response for " + fault);
    }
  }

  /**
   * The job's JSON as the API writes it; a real poll (count = true) moves a poll-driven script on.
   *
   * <p>Times: every sub-job begins with its job (their phases count from the same start). A job or
   * sub-job that reached {@code success} or {@code failed} carries the {@code end_time} it ended at
   * (see {@link #naturalEnd}), fixed from then on. The job's is never before any ended sub-job's,
   * and a sub-job that a script lets outlive its ended job is given the job's: a real service
   * does not report a job done before its steps.
   */
  private JsonObject jobJson(JobState state, Instant now, boolean count) {
    JobScript script = state.script;
    List<JobScript> subScripts = script.subJobs();
    String[] subStatuses = new String[subScripts.size()];
    Instant[] subEnds;
    Instant endedAt;
    String status;
    synchronized (state) {
      if (count) {
        state.polls++;
      }
      int poll = Math.max(1, state.polls);
      Duration elapsed = Duration.between(state.addedAt, now);
      // Sub-jobs first, so that a job ending at this poll sees the ends of those ending with it.
      for (int i = 0; i < subStatuses.length; i++) {
        JobScript sub = subScripts.get(i);
        subStatuses[i] = sub.statusAt(poll, elapsed);
        if (state.subEndedAt[i] == null && isEnd(subStatuses[i])) {
          Instant end = naturalEnd(sub, script.isByTime() || sub.isByTime(), state.addedAt, now);
          state.subEndedAt[i] = state.endedAt != null && end.isAfter(state.endedAt) ? state.endedAt : end;
        }
      }
      status = script.statusAt(poll, elapsed);
      if (state.endedAt == null && isEnd(status)) {
        Instant end = naturalEnd(script, script.isByTime(), state.addedAt, now);
        for (Instant subEnd : state.subEndedAt) {
          if (subEnd != null && subEnd.isAfter(end)) {
            end = subEnd;
          }
        }
        state.endedAt = end;
      }
      endedAt = state.endedAt;
      subEnds = state.subEndedAt.clone();
    }
    // Built with the model generated from the spec: the fields this emulator scripts are set (null
    // where they do not apply), and any other field of the spec carries the spec's example, so that
    // a field added to the spec is served with no change here.
    JobDetail.Builder job = JobDetail.exampleBuilder()
        .jobId(script.jobId())
        .status(status)
        .jobType(script.jobType())
        .beginTime(state.addedAt)
        .endTime(endedAt)
        .errorCode(status.equals("failed") ? script.errorCode() : null)
        .failReason(status.equals("failed") ? script.failReason() : null);
    for (int i = 0; i < subStatuses.length; i++) {
      JobScript sub = subScripts.get(i);
      job.addSubJob(SubJobDetail.exampleBuilder()
          .jobId(sub.jobId())
          .status(subStatuses[i])
          .jobType(sub.jobType())
          .beginTime(state.addedAt)
          .endTime(subEnds[i])
          .errorCode(subStatuses[i].equals("failed") ? sub.errorCode() : null)
          .failReason(subStatuses[i].equals("failed") ? sub.failReason() : null)
          .build());
    }
    return GSON.toJsonTree(job.build()).getAsJsonObject();
  }

  private static boolean isEnd(String status) {
    return status.equals("success") || status.equals("failed");
  }

  /**
   * When a script that has just been seen ended did end: driven by time, when its phases ran out
   * (however late the poll that notices it); driven by polls, now, the time of the poll at which
   * it ended. Never before the job was added, even if a test turned its clock back.
   */
  private static Instant naturalEnd(JobScript script, boolean byTime, Instant addedAt, Instant now) {
    Instant end = byTime ? addedAt.plus(script.totalDuration()) : now;
    return end.isBefore(addedAt) ? addedAt : end;
  }

  /** The answer to a request the socket's guard refused; the connection ends after it. */
  private static MockResponse refusal(RequestLimits.Refusal refused) {
    return new MockResponse.Builder().status("HTTP/1.1 " + refused.status + " " + refused.reason)
        .addHeader("Content-Type", "text/plain;charset=UTF-8").addHeader("Connection", "close")
        .body(refused.reason + ": " + refused.why + "\n").build();
  }

  private static MockResponse json(int code, String body, String requestId) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json;charset=UTF-8")
        .addHeader("X-request-id", requestId).body(body).build();
  }

  private static MockResponse html(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "text/html").body(body).build();
  }

  private static MockResponse sfsError(int code, String errCode, String errMsg, String requestId) {
    JsonObject body = new JsonObject();
    body.addProperty("errCode", errCode);
    body.addProperty("errMsg", errMsg);
    return json(code, body.toString(), requestId);
  }

  private static MockResponse gatewayError(int code, String errorCode, String message, String requestId, Instant now) {
    JsonObject body = new JsonObject();
    body.addProperty("error_code", errorCode);
    body.addProperty("error_msg", message);
    body.addProperty("request_id", requestId);
    return json(code, body.toString(), requestId).newBuilder()
        .addHeader("Date", HTTP_DATE.format(now.atZone(ZoneOffset.UTC))).build();
  }

  /** Configures a {@link SfsTurboEmulator}. */
  public static final class Builder {
    private String projectId = "emulator-project";
    private EmulatorAuth auth = EmulatorAuth.token("emulator-token");
    private Clock clock = Clock.systemUTC();
    private Duration stallDuration = Duration.ofMinutes(10);
    private boolean keepJournal = true;
    private Duration latencyMin = Duration.ZERO;
    private Duration latencyMax = Duration.ZERO;
    private long latencySeed = 1;
    private double rateLimitPerSecond;
    private List<String> iamProjectIds;

    private Builder() {}

    /**
     * Sets what IAM's project lookup ({@code GET /v3/projects?name=...}) lists, whatever the name: by default the
     * emulator's project; none or several to test a client's refusal.
     *
     * @param projectIds the project ids
     * @return this builder
     */
    public Builder iamProjectIds(String... projectIds) {
      this.iamProjectIds = java.util.Arrays.asList(projectIds.clone());
      return this;
    }

    /**
     * Delays every answer by a fixed time, as a real gateway's round trip does (default: none).
     * The delay holds the request's connection, as a round trip does, not the other connections.
     *
     * @param latency zero or more
     * @return this builder
     */
    public Builder latency(Duration latency) {
      return latency(latency, latency, 1);
    }

    /**
     * Delays every answer by a time drawn uniformly from {@code [min, max]} (seeded, so that runs repeat).
     *
     * @param min zero or more
     * @param max at least {@code min}
     * @param seed the random seed
     * @return this builder
     */
    public Builder latency(Duration min, Duration max, long seed) {
      if (Objects.requireNonNull(min, "min").isNegative() || Objects.requireNonNull(max, "max").compareTo(min) < 0) {
        throw new IllegalArgumentException("latency needs 0 <= min <= max, was " + min + " and " + max);
      }
      this.latencyMin = min;
      this.latencyMax = max;
      this.latencySeed = seed;
      return this;
    }

    /**
     * Refuses requests beyond a rate, as a gateway's flow control does: 429 {@code APIGW.0308}
     * with {@code Retry-After} (whole seconds until the next request would be let through, at
     * least 1). A token bucket holding one second of requests, refilled at the rate, on the
     * emulator's {@linkplain #clock(Clock) clock}. Default 0: no limit.
     *
     * @param requestsPerSecond zero (no limit) or more
     * @return this builder
     */
    public Builder rateLimit(double requestsPerSecond) {
      if (!(requestsPerSecond >= 0) || Double.isInfinite(requestsPerSecond)) {
        throw new IllegalArgumentException("rateLimit must be zero or more, was " + requestsPerSecond);
      }
      this.rateLimitPerSecond = requestsPerSecond;
      return this;
    }

    /**
     * Keeps every request in the {@linkplain SfsTurboEmulator#journal() journal} (default true).
     * Turn it off for runs of hundreds of thousands of requests, whose journal would fill the
     * heap; the counters ({@code pollsServed}, {@code requestsServed}, {@code throttledRequests})
     * still count.
     *
     * @param keep whether to keep the journal
     * @return this builder
     */
    public Builder journal(boolean keep) {
      this.keepJournal = keep;
      return this;
    }

    /**
     * Sets {@code projectId}.
     *
     * @param projectId the project the emulator serves
     * @return this builder
     */
    public Builder projectId(String projectId) {
      this.projectId = Objects.requireNonNull(projectId, "projectId");
      return this;
    }

    /**
     * Sets {@code auth}.
     *
     * @param auth what the emulator accepts
     * @return this builder
     */
    public Builder auth(EmulatorAuth auth) {
      this.auth = Objects.requireNonNull(auth, "auth");
      return this;
    }

    /**
     * Sets {@code clock}.
     *
     * @param clock drives time-scripted jobs, times and signature expiry (a {@link MutableClock}, say)
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets {@code stallDuration}: the longest {@link Fault#STALL} holds a request before the
     * emulator drops the connection, still without a status line. The default, 10 minutes, is
     * longer than any sensible client timeout, so a stalled call ends on the client's own timeout;
     * the bound only keeps a call that has no timeout at all from hanging forever. Closing the
     * emulator ends every hold at once.
     *
     * @param stallDuration not negative
     * @return this builder
     */
    public Builder stallDuration(Duration stallDuration) {
      if (Objects.requireNonNull(stallDuration, "stallDuration").isNegative()) {
        throw new IllegalArgumentException("stallDuration must not be negative, was " + stallDuration);
      }
      this.stallDuration = stallDuration;
      return this;
    }

    /**
     * @return the emulator, not started yet
     */
    public SfsTurboEmulator build() {
      return new SfsTurboEmulator(this);
    }
  }
}
