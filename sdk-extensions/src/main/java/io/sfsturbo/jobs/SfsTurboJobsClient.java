// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs;

import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.auth.Credentials;
import io.sfsturbo.jobs.auth.IamPasswordCredentials;
import io.sfsturbo.jobs.auth.DefaultCredentialsChain;
import io.sfsturbo.jobs.errors.ClientClosedException;
import io.sfsturbo.jobs.internal.Durations;
import io.sfsturbo.jobs.internal.Ids;
import io.sfsturbo.jobs.internal.SharedScheduler;
import io.sfsturbo.jobs.internal.SdkVersion;
import io.sfsturbo.jobs.internal.Sleeper;
import io.sfsturbo.jobs.internal.TestSeam;
import io.sfsturbo.jobs.waiter.JobWaiter;
import io.sfsturbo.jobs.internal.engine.Engine;
import io.sfsturbo.jobs.internal.engine.Loop;
import io.sfsturbo.jobs.internal.engine.RateLimiter;
import io.sfsturbo.jobs.internal.engine.Scheduler;
import io.sfsturbo.jobs.internal.engine.Ticker;
import io.sfsturbo.jobs.internal.engine.Watchdog;
import io.sfsturbo.jobs.internal.http.InterceptorGuard;
import io.sfsturbo.jobs.internal.http.JobDecoder;
import io.sfsturbo.jobs.internal.telemetry.TelemetryHub;
import io.sfsturbo.jobs.region.Region;
import io.sfsturbo.jobs.retry.AdaptiveRateLimit;
import io.sfsturbo.jobs.retry.RetryPolicy;
import io.sfsturbo.jobs.telemetry.Telemetry;
import java.net.Proxy;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * The client of the SFS Turbo job API: queries an asynchronous job ({@code ShowJobDetail}),
 * synchronously or without blocking. Build it once and share it: it is thread-safe, and
 * {@link #close()} releases the connections and threads it owns.
 *
 * <pre>{@code
 * try (SfsTurboJobsClient client = SfsTurboJobsClient.builder()
 *     .region("eu-de")
 *     .projectId("2a4f...")
 *     .credentials(AkSkCredentials.of(ak, sk))
 *     .build()) {
 *   JobDetail job = client.showJobDetail(jobId);
 * }
 * }</pre>
 */
public final class SfsTurboJobsClient implements AutoCloseable {
  /** The SDK's version as the build wrote it (for example {@code 0.1.0-SNAPSHOT}), sent in the User-Agent. */
  public static final String VERSION = SdkVersion.read();
  /** The default total budget of a call, retries included: {@value #DEFAULT_CALL_TIMEOUT_SECONDS} s. */
  public static final long DEFAULT_CALL_TIMEOUT_SECONDS = 60;
  /** The default bound of one attempt, connect to last byte: {@value #DEFAULT_ATTEMPT_TIMEOUT_SECONDS} s. */
  public static final long DEFAULT_ATTEMPT_TIMEOUT_SECONDS = 20;
  /**
   * The default limit of a response body, after decompression: 4 MiB, about 16 000 sub-jobs; a real
   * job document is a few hundred bytes.
   */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 4L * 1024 * 1024;
  /**
   * How many requests a client that built its own {@code OkHttpClient} runs at once, to its one
   * host: {@value #DEFAULT_MAX_CONCURRENT_REQUESTS} (OkHttp's default is 5 per host). At a 50 ms
   * round trip, 5 caps a client at 100 polls per second, below what thousands of waits need; 128
   * serve 2 500 per second. Idle connections are kept up to the same number, for 5 minutes. A
   * client given an {@code OkHttpClient} keeps that client's dispatcher and pool.
   */
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 128;

  static {
    Engine.Access.install(client -> ((SfsTurboJobsClient) client).engine);
    // The waiter class installs its factory when it initializes: make sure it has before any waiter() call.
    try {
      Class.forName(JobWaiter.class.getName(), true, JobWaiter.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new ExceptionInInitializerError(e);
    }
    TestSeam.register(Builder.class, b -> TestSeam.settings(c -> b.clock = c, s -> b.sleeper = s,
        j -> b.random = j, e -> b.environment = e));
    TelemetryHub.Access.install(client -> ((SfsTurboJobsClient) client).telemetry);
  }

  private final URI endpoint;
  private final String projectId;
  private final OkHttpClient httpClient;
  private final boolean ownsHttpClient;
  private final Engine<JobDetail> engine;
  private final Duration callTimeout;
  private final TelemetryHub telemetry;

  private SfsTurboJobsClient(Builder b, URI endpoint, String projectId, Credentials credentials) {
    this.endpoint = endpoint;
    this.projectId = projectId;
    this.ownsHttpClient = b.httpClient == null;
    this.telemetry = new TelemetryHub(b.telemetry, endpoint);
    this.callTimeout = b.callTimeout != null ? b.callTimeout : Duration.ofSeconds(DEFAULT_CALL_TIMEOUT_SECONDS);
    Duration attemptTimeout = b.attemptTimeout != null ? b.attemptTimeout
        : Duration.ofSeconds(DEFAULT_ATTEMPT_TIMEOUT_SECONDS);
    DoubleSupplier random = b.random != null ? b.random : () -> ThreadLocalRandom.current().nextDouble();
    ScheduledExecutorService executor = b.scheduler != null ? b.scheduler : SharedScheduler.get();
    OkHttpClient.Builder http = b.httpClient != null ? b.httpClient.newBuilder() : new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(30))
        .dispatcher(ownDispatcher())
        .connectionPool(new ConnectionPool(DEFAULT_MAX_CONCURRENT_REQUESTS, 5, TimeUnit.MINUTES));
    if (b.connectTimeout != null) {
      http.connectTimeout(b.connectTimeout);
    }
    if (b.readTimeout != null) {
      http.readTimeout(b.readTimeout);
    }
    if (b.proxy != null) {
      http.proxy(b.proxy);
    }
    // ShowJobDetail never redirects: following one would send the credentials to whatever host,
    // port or scheme the response names. A 3xx becomes an UnexpectedRedirectException instead.
    // Applied to a caller's OkHttpClient too, since this is a derived copy.
    http.followRedirects(false).followSslRedirects(false);
    // A caller's Authenticator answers a 401 with a request of its choosing, which OkHttp would send
    // wherever it points: the SDK's own interceptor handles 401s (renewed token, corrected clock) instead.
    http.authenticator(okhttp3.Authenticator.NONE);
    OkHttpClient plain = http.build();
    String userAgent = "sfsturbo-jobs-java/" + VERSION + " (Java " + System.getProperty("java.version") + ")"
        + (b.userAgentSuffix == null ? "" : " " + b.userAgentSuffix);
    // Token calls (IAM) go through the same settings, and are closed with this client.
    // Their own calls are bounded as a whole by the attempt timeout: a token call runs inside an
    // attempt, on the caller's thread for a sync call, where the attempt's watchdog cannot reach it.
    Credentials bound = credentials instanceof IamPasswordCredentials
        ? ((IamPasswordCredentials) credentials).withHttpClient(plain.newBuilder().callTimeout(attemptTimeout).build())
        : credentials;
    // Error bodies need no interceptor of their own: ShowJobAttempt reads every body capped (JobDecoder, Bodies),
    // and the auth interceptor peeks at most 8 KB of a 401.
    OkHttpClient.Builder sending = plain.newBuilder();
    // First of all, before a caller's own interceptors: their RuntimeExceptions leave typed, sync or async.
    sending.interceptors().add(0, new InterceptorGuard());
    this.httpClient = sending.addInterceptor(new AuthInterceptor(bound, b.clock)).build();
    HttpUrl baseUrl = HttpUrl.get(endpoint.toString().endsWith("/") ? endpoint.toString() : endpoint + "/");
    // Retrofit only builds requests here (Call.request()), which makes an OkHttp call that never runs: made on a
    // copy without the caller's EventListener, which would otherwise hear a call start that never ends.
    ShowJobRequests requests = new ShowJobRequests(baseUrl, plain.newBuilder().eventListener(okhttp3.EventListener.NONE)
        .build(), projectId, userAgent);
    boolean customTime = b.sleeper != Sleeper.SYSTEM || b.clock != Builder.SYSTEM_CLOCK;
    Ticker ticker = customTime ? Ticker.of(b.clock, b.sleeper) : Ticker.SYSTEM;
    Scheduler scheduler = Scheduler.of(executor);
    Watchdog watchdog = new Watchdog(ticker, scheduler);
    Clock clock = b.clock;
    JobDecoder decoder = new JobDecoder(b.maxResponseBytes);
    OkHttpClient sender = httpClient;
    this.engine = new Engine<>(ticker, scheduler,
        jobId -> new ShowJobAttempt(sender, requests, decoder, projectId, jobId, watchdog, clock), attemptTimeout,
        b.retryPolicy, random,
        new RateLimiter(b.rateLimit, ticker));
  }

  /** A client's own dispatcher: a cap, not a floor; connections open only for requests in flight. */
  private static Dispatcher ownDispatcher() {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(DEFAULT_MAX_CONCURRENT_REQUESTS);
    dispatcher.setMaxRequestsPerHost(DEFAULT_MAX_CONCURRENT_REQUESTS);
    return dispatcher;
  }

  /**
   * Checks a job id as every call does before any request: for tools that read ids from people or
   * files and want to report a bad one early. An id is one path segment: not blank, at most 128
   * characters, no {@code /}, {@code \\}, {@code ?}, {@code #}, whitespace or control character, not
   * {@code .} or {@code ..}.
   *
   * @param jobId the id
   * @return the id, unaltered
   * @throws IllegalArgumentException naming what is wrong (never echoing the id)
   */
  public static String requireValidJobId(String jobId) {
    return Ids.requireValid("jobId", jobId);
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a waiter that polls through this client: {@code client.waiter().waitFor(jobId, options)}.
   * Waiters are cheap and thread-safe; one serves any number of waits.
   *
   * @return a waiter with the client's clock, scheduler and jitter
   */
  public JobWaiter waiter() {
    return waiterBuilder().build();
  }

  /**
   * Returns a builder of a waiter that polls through this client, to give it its own scheduler.
   *
   * @return a new waiter builder
   */
  public JobWaiter.Builder waiterBuilder() {
    return (JobWaiter.Builder) Engine.Waiters.builder(this);
  }

  /**
   * Queries a job, retrying transient failures as the retry policy says.
   *
   * @param jobId the job id that the operation which started the job returned
   * @return the job, with the response's request id
   * @throws IllegalArgumentException when the job id is blank, too long or not a single path segment
   * @throws io.sfsturbo.jobs.errors.SfsTurboException (a subtype) when the call fails
   */
  public JobDetail showJobDetail(String jobId) {
    return showJobDetail(jobId, CallOptions.defaults());
  }

  /**
   * Queries a job with settings of its own (budget, attempt timeout, retry policy).
   *
   * @param jobId the job id
   * @param options what to override of the client's settings
   * @return the job
   * @throws IllegalArgumentException when the job id is invalid, before any request
   * @throws IllegalStateException when the client is closed
   * @throws io.sfsturbo.jobs.errors.RequestTimeoutException when the budget ran out
   * @throws io.sfsturbo.jobs.errors.SfsTurboException (another subtype) when the call failed
   */
  public JobDetail showJobDetail(String jobId, CallOptions options) {
    return newCall(Ids.requireValid("jobId", jobId), options).run(0);
  }

  /**
   * Queries a job without blocking the calling thread. The future completes on an HTTP or
   * scheduler thread, exceptionally with a {@link io.sfsturbo.jobs.errors.SfsTurboException}
   * subtype when the call fails; cancelling it cancels the request.
   *
   * @param jobId the job id
   * @return the future job
   * @throws IllegalArgumentException at once when the job id is invalid
   */
  public CompletableFuture<JobDetail> showJobDetailAsync(String jobId) {
    return showJobDetailAsync(jobId, CallOptions.defaults());
  }

  /**
   * Queries a job without blocking, with settings of its own.
   *
   * @param jobId the job id
   * @param options what to override of the client's settings
   * @return the future job; it fails with the same exceptions as {@link #showJobDetail(String, CallOptions)}
   * @throws IllegalArgumentException at once when the job id is invalid
   * @throws IllegalStateException at once when the client is closed
   */
  public CompletableFuture<JobDetail> showJobDetailAsync(String jobId, CallOptions options) {
    return newCall(Ids.requireValid("jobId", jobId), options).start(0);
  }

  private Loop<JobDetail, JobDetail> newCall(String jobId, CallOptions options) {
    Objects.requireNonNull(options, "options");
    Duration budget = options.callTimeout() != null ? options.callTimeout() : callTimeout;
    Duration perAttempt = options.attemptTimeout() != null ? options.attemptTimeout() : engine.attemptTimeout();
    RetryPolicy policy = options.retryPolicy() != null ? options.retryPolicy() : engine.retryPolicy();
    // The loop refuses to start (IllegalStateException) once the client is closed.
    return engine.loop(jobId, new CallStrategy(jobId, policy, engine.random(), budget), budget, perAttempt)
        .observe(telemetry.forCall(jobId));
  }

  /** Returns the total budget of a call unless a call sets its own. */
  public Duration callTimeout() {
    return callTimeout;
  }

  /** Returns the bound of one attempt unless a call sets its own; waits use it for each poll. */
  public Duration attemptTimeout() {
    return engine.attemptTimeout();
  }

  /** Returns whether {@link #close()} was called. */
  public boolean isClosed() {
    return engine.scope().isClosed();
  }

  /** Returns the project id that requests go to. */
  public String projectId() {
    return projectId;
  }

  /** Returns the endpoint requests go to. */
  public URI endpoint() {
    return endpoint;
  }

  /**
   * Ends the calls and waits still running (with a {@link ClientClosedException}), refuses new ones
   * ({@link IllegalStateException}), and releases the connections and threads that the client
   * created. A client built on a caller's {@code OkHttpClient} leaves that client untouched; the
   * shared scheduler is never shut down. Idempotent.
   */
  @Override
  public void close() {
    engine.scope().close(() -> new ClientClosedException("the client was closed while a call or wait of project '"
        + projectId + "' was running"));
    if (ownsHttpClient) {
      httpClient.dispatcher().executorService().shutdown();
      httpClient.connectionPool().evictAll();
    }
  }

  @Override
  public String toString() {
    return "SfsTurboJobsClient{endpoint=" + endpoint + ", projectId=" + projectId + '}';
  }

  /**
   * Configures a {@link SfsTurboJobsClient}. The endpoint comes from {@link #region(String)} or
   * {@link #endpoint(URI)}; the project id and credentials, when not set, come from the
   * environment (see {@link DefaultCredentialsChain}).
   */
  public static final class Builder {
    private Region region;
    private URI endpoint;
    private String projectId;
    private Credentials credentials;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private AdaptiveRateLimit rateLimit = AdaptiveRateLimit.defaults();
    private Duration connectTimeout;
    private Duration readTimeout;
    private Duration callTimeout;
    private Duration attemptTimeout;
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private Proxy proxy;
    private String userAgentSuffix;
    private OkHttpClient httpClient;
    private boolean allowInsecureHttp;
    static final Clock SYSTEM_CLOCK = Clock.systemUTC();
    private Clock clock = SYSTEM_CLOCK;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private ScheduledExecutorService scheduler;
    private DoubleSupplier random;
    private Map<String, String> environment;
    private Telemetry telemetry = Telemetry.none();

    private Builder() {}

    /**
     * Uses a region of the catalogue. A region or an {@link #endpoint(URI) endpoint} is required; there is no
     * default.
     *
     * @param regionId for example {@code eu-de} or {@code cn-north-4}
     * @return this builder
     * @throws IllegalArgumentException for an unknown region; the message lists the known ones
     */
    public Builder region(String regionId) {
      return region(Region.of(regionId));
    }

    /**
     * Uses a region.
     *
     * @param region the region
     * @return this builder
     */
    public Builder region(Region region) {
      this.region = Objects.requireNonNull(region, "region");
      return this;
    }

    /**
     * Uses an endpoint directly, overriding the region's (for a region the catalogue lacks,
     * a private endpoint or the test kit's emulator).
     *
     * @param endpoint an {@code https} URL, or {@code http} with {@link #allowInsecureHttp(boolean)}
     * @return this builder
     */
    public Builder endpoint(URI endpoint) {
      this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
      return this;
    }

    /**
     * Uses an endpoint directly.
     *
     * @param endpoint the endpoint URL as text
     * @return this builder
     * @throws IllegalArgumentException when the text is not a URI
     */
    public Builder endpoint(String endpoint) {
      Objects.requireNonNull(endpoint, "endpoint");
      try {
        return endpoint(new URI(endpoint));
      } catch (java.net.URISyntaxException e) {
        // The reason and index only: the text itself may hold a password in its user info.
        throw new IllegalArgumentException("endpoint is not a valid URL: " + e.getReason() + " at index "
            + e.getIndex(), null);
      }
    }

    /**
     * Sets the project whose jobs are queried. Default: the environment variable
     * {@code HUAWEICLOUD_SDK_PROJECT_ID}; without either, {@link #build()} fails.
     *
     * @param projectId the project id
     * @return this builder
     * @throws IllegalArgumentException when the id is blank, too long or not a single path segment
     */
    public Builder projectId(String projectId) {
      this.projectId = Ids.requireValid("projectId", projectId);
      return this;
    }

    /**
     * Sets how requests are authenticated. Default: the environment, read by
     * {@link io.sfsturbo.jobs.auth.DefaultCredentialsChain}.
     *
     * @param credentials a token, IAM password or AK/SK credentials
     * @return this builder
     */
    public Builder credentials(Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * Sets the retry policy ({@link RetryPolicy#defaults()} unless set; {@link RetryPolicy#none()} turns retries off).
     *
     * @param retryPolicy the policy
     * @return this builder
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * Sets the client-side rate limiting that every call and wait of this client shares
     * ({@link AdaptiveRateLimit#defaults()} unless set: dormant until the gateway throttles, then a
     * rate that drops at each 429 and recovers; {@link AdaptiveRateLimit#disabled()} turns it off).
     *
     * @param rateLimit the settings
     * @return this builder
     */
    public Builder rateLimit(AdaptiveRateLimit rateLimit) {
      this.rateLimit = Objects.requireNonNull(rateLimit, "rateLimit");
      return this;
    }

    /**
     * Sets the connect timeout (default 10 s).
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = bounded("connectTimeout", timeout);
      return this;
    }

    /**
     * Sets the read timeout (default 30 s).
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = bounded("readTimeout", timeout);
      return this;
    }

    /**
     * Sets the total budget of a call, every attempt and every retry delay included (AWS SDK's
     * {@code apiCallTimeout}); default {@value #DEFAULT_CALL_TIMEOUT_SECONDS} s. Its end is a
     * {@link io.sfsturbo.jobs.errors.RequestTimeoutException}. Waits have their own deadline
     * ({@code WaitOptions.timeout}) instead.
     *
     * @param timeout positive, at most one day
     * @return this builder
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = bounded("callTimeout", timeout);
      return this;
    }

    /**
     * Sets the bound of one attempt as a whole, from connecting to the last byte of the body (AWS
     * SDK's {@code apiCallAttemptTimeout}); default {@value #DEFAULT_ATTEMPT_TIMEOUT_SECONDS} s. It
     * holds against servers that trickle bytes, which reset the read timeout with every byte. The
     * time left of the call's budget or of a wait's deadline bounds each attempt too.
     *
     * @param timeout positive, at most one day
     * @return this builder
     */
    public Builder attemptTimeout(Duration timeout) {
      this.attemptTimeout = bounded("attemptTimeout", timeout);
      return this;
    }

    /**
     * Sets the most bytes of a response body that are read, counted after decompression; a larger
     * body is a {@link io.sfsturbo.jobs.errors.ResponseDecodingException} and is not read further.
     * Default {@link #DEFAULT_MAX_RESPONSE_BYTES} (4 MiB, about 16 000 sub-jobs).
     *
     * @param bytes at least 1024
     * @return this builder
     */
    public Builder maxResponseBytes(long bytes) {
      if (bytes < 1024 || bytes > Integer.MAX_VALUE - 1) {
        throw new IllegalArgumentException("maxResponseBytes must be between 1024 and " + (Integer.MAX_VALUE - 1)
            + ", was " + bytes);
      }
      this.maxResponseBytes = bytes;
      return this;
    }

    /**
     * Sends requests through a proxy. Default: none (the JVM's proxy selector).
     *
     * @param proxy the proxy
     * @return this builder
     */
    public Builder proxy(Proxy proxy) {
      this.proxy = Objects.requireNonNull(proxy, "proxy");
      return this;
    }

    /**
     * Appends text to the User-Agent header, to tell your application's calls apart. Default: none.
     *
     * @param suffix printable ASCII
     * @return this builder
     */
    public Builder userAgentSuffix(String suffix) {
      Objects.requireNonNull(suffix, "suffix");
      for (int i = 0; i < suffix.length(); i++) {
        char c = suffix.charAt(i);
        if (c < 0x20 || c > 0x7e) {
          throw new IllegalArgumentException("userAgentSuffix must be printable ASCII; character at index " + i
              + " is U+" + String.format("%04X", (int) c));
        }
      }
      this.userAgentSuffix = suffix;
      return this;
    }

    /**
     * Builds on an application's {@code OkHttpClient} (default: a new one per SDK client), so that many
     * clients share its connection
     * pool and dispatcher. Its settings stay unless this builder sets timeouts or a proxy; the
     * SDK adds its interceptors to a derived client and never shuts the given one down.
     *
     * @param httpClient the client to share
     * @return this builder
     */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * Allows a plain {@code http://} endpoint (default false). Only for the emulator and tests: credentials
     * then cross the network unencrypted.
     *
     * @param allow whether http is allowed
     * @return this builder
     */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /**
     * Sets the scheduler that times the retries of async calls. The SDK never shuts it down.
     * By default all clients share one small scheduler with daemon threads.
     *
     * @param scheduler the scheduler
     * @return this builder
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * Reports attempts, throttling and waits to a monitoring system: an adapter such as
     * {@code MicrometerTelemetry} or {@code OpenTelemetryTelemetry}, or your own. Default
     * {@link Telemetry#none()}, which costs nothing. An exception the telemetry throws never
     * changes a call's outcome.
     *
     * @param telemetry the telemetry; {@link Telemetry#composite(Telemetry...)} installs several
     * @return this builder
     */
    public Builder telemetry(Telemetry telemetry) {
      this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
      return this;
    }

    /** Checks a timeout setting: positive and at most one day. */
    static Duration bounded(String name, Duration d) {
      Durations.requirePositive(name, d);
      if (d.toMillis() > TimeUnit.DAYS.toMillis(1)) {
        throw new IllegalArgumentException(name + " must be at most one day, was " + d);
      }
      return d;
    }

    /**
     * Returns the client. Without a region or an endpoint, the region is the environment variable
     * {@code HUAWEICLOUD_SDK_REGION}.
     *
     * @return a new client
     * @throws IllegalArgumentException when no endpoint or region is set, or the endpoint is not allowed
     * @throws io.sfsturbo.jobs.errors.CredentialsException when no credentials are set and the
     *     environment has none
     */
    public SfsTurboJobsClient build() {
      Map<String, String> env = environment != null ? environment : System.getenv();
      URI target = endpoint != null ? endpoint : region != null ? region.endpoint() : regionFrom(env);
      if (target == null) {
        throw new IllegalArgumentException("set a region (for example region(\"eu-de\")), an endpoint, or the "
            + "environment variable " + DefaultCredentialsChain.ENV_REGION);
      }
      if (target.getRawUserInfo() != null || (target.getRawAuthority() != null && target.getRawAuthority().contains("@"))) {
        // Never echo the endpoint here: its user info may be a password.
        throw new IllegalArgumentException("endpoint must not contain user info (user:password@host): the SDK sends "
            + "credentials only as set with credentials(...); remove it from the endpoint");
      }
      String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(java.util.Locale.ROOT);
      if (scheme.equals("http") && !allowInsecureHttp) {
        throw new IllegalArgumentException("endpoint " + target + " uses plain http; use https, or call "
            + "allowInsecureHttp(true) for the emulator and tests");
      }
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new IllegalArgumentException("endpoint " + target + " must be an http(s) URL");
      }
      if (target.getHost() == null || target.getRawQuery() != null || target.getRawFragment() != null) {
        throw new IllegalArgumentException("endpoint " + target + " must have a host and no query or fragment");
      }
      String project = projectId != null ? projectId : DefaultCredentialsChain.projectIdFrom(env, null);
      // Read only when the environment leaves a gap, and at most once for the project id and the credentials.
      io.sfsturbo.jobs.auth.CredentialsProfile profile = null;
      boolean profileRead = project == null;
      if (profileRead) {
        profile = io.sfsturbo.jobs.auth.CredentialsProfile.find(env);
        project = DefaultCredentialsChain.projectIdFrom(env, profile);
      }
      if (project == null) {
        throw new IllegalArgumentException("set a projectId (or the environment variable "
            + DefaultCredentialsChain.ENV_PROJECT_ID + ")");
      }
      Ids.requireValid(DefaultCredentialsChain.ENV_PROJECT_ID, project);
      Credentials creds = credentials != null ? credentials
          : profileRead ? DefaultCredentialsChain.resolve(env, profile) : DefaultCredentialsChain.resolve(env);
      return new SfsTurboJobsClient(this, target, project, creds);
    }

    /** The endpoint of the region the environment names, or null when it names none. */
    private static URI regionFrom(Map<String, String> env) {
      String id = env.get(DefaultCredentialsChain.ENV_REGION);
      if (id == null || id.trim().isEmpty()) {
        return null;
      }
      try {
        return Region.of(id.trim()).endpoint();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(DefaultCredentialsChain.ENV_REGION + ": " + e.getMessage(), e);
      }
    }
  }
}
