// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs;

import io.sfsturbo.jobs.auth.Credentials;
import io.sfsturbo.jobs.auth.IamPasswordCredentials;
import io.sfsturbo.jobs.config.ClientOverrideConfiguration;
import io.sfsturbo.jobs.config.Environment;
import io.sfsturbo.jobs.config.HttpConfiguration;
import io.sfsturbo.jobs.internal.Loopback;
import io.sfsturbo.jobs.internal.SdkVersion;
import io.sfsturbo.jobs.internal.engine.LoopFactory;
import io.sfsturbo.jobs.internal.engine.RateLimiter;
import io.sfsturbo.jobs.internal.http.AttemptWatchdog;
import io.sfsturbo.jobs.internal.http.AuthenticatingInterceptor;
import io.sfsturbo.jobs.internal.http.InterceptorBugGuard;
import io.sfsturbo.jobs.internal.http.JobDecoder;
import io.sfsturbo.jobs.internal.http.JobRequestCache;
import io.sfsturbo.jobs.internal.http.LoopbackGuard;
import io.sfsturbo.jobs.internal.http.NetworkSetup;
import io.sfsturbo.jobs.internal.http.ShowJobExchange;
import io.sfsturbo.jobs.internal.http.WireLog;
import io.sfsturbo.jobs.internal.telemetry.TelemetryHub;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.telemetry.Telemetry;
import io.sfsturbo.jobs.text.SafeText;
import io.sfsturbo.jobs.time.TimeSource;
import java.net.URI;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import okhttp3.Authenticator;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * A client's parts, each made with a typed constructor and handed to the next: the HTTP client with the
 * SDK's interceptors, the request cache, the exchange of one job, the loop factory and the telemetry. The
 * compiler sees every dependency; nothing is registered anywhere.
 */
final class ClientWiring {
  /** The SDK's version as the build wrote it, sent in the User-Agent. */
  static final String VERSION = SdkVersion.read();

  final OkHttpClient http;
  final boolean ownsHttpClient;
  /** Set, or looked up from IAM once, here, for the client's life. */
  final String projectId;
  final LoopFactory<JobDetail> loops;
  final TelemetryHub telemetry;

  ClientWiring(ClientDefaults target, ClientOverrideConfiguration override, HttpConfiguration httpConfig,
      Telemetry telemetrySpi, TimeSource time, Environment env) {
    URI endpoint = target.endpoints.get(0);
    for (URI e : target.endpoints) {
      requireLoopbackForPlainHttp(e);
    }
    if (target.iam != null) {
      requireLoopbackForPlainHttp(target.iam.endpoint);
    }
    this.ownsHttpClient = httpConfig.httpClient() == null;
    this.telemetry = new TelemetryHub(telemetrySpi, endpoint);
    OkHttpClient plain = plainClient(httpConfig, env, onlyPlainHttp(target));
    // IAM calls (tokens, the project id lookup) go through the same settings and guard, and close with this client.
    OkHttpClient guarded = plain.newBuilder().addNetworkInterceptor(new LoopbackGuard()).build();
    Credentials bound = RegionWiring.bind(target, guarded, override, httpConfig);
    this.projectId = RegionWiring.projectId(target, guarded, bound, override, time, ownsHttpClient);
    OkHttpClient.Builder sending = plain.newBuilder();
    // First of all, before a caller's own interceptors: their RuntimeExceptions leave typed, sync or async.
    sending.interceptors().add(0, new InterceptorBugGuard());
    // Before the authentication: each endpoint's request is signed for its own host.
    RegionWiring.addFailover(sending, target.endpoints);
    // The wire log last, so that it shows the request as signed; the loopback guard where the connection is known.
    this.http = sending.addInterceptor(new AuthenticatingInterceptor(bound, time)).addInterceptor(new WireLog())
        .addNetworkInterceptor(new LoopbackGuard()).build();
    HttpUrl baseUrl = HttpUrl.get(endpoint.toString().endsWith("/") ? endpoint.toString() : endpoint + "/");
    // Retrofit only builds requests (Call.request()), which makes an OkHttp call that never runs: made on a copy
    // without the caller's EventListener, which would otherwise hear a call start that never ends.
    JobRequestCache requests = new JobRequestCache(baseUrl, plain.newBuilder().eventListener(EventListener.NONE)
        .build(), projectId, userAgent(httpConfig));
    AttemptWatchdog watchdog = new AttemptWatchdog(TimeSource.system());
    JobDecoder decoder = new JobDecoder(httpConfig.maxResponseBytes());
    OkHttpClient sender = http;
    this.loops = new LoopFactory<>(time,
        jobId -> new ShowJobExchange(sender, requests, decoder, projectId, jobId, watchdog, time),
        override.attemptTimeout(), override.retryPolicy(), new RateLimiter(override.rateLimit(), time));
  }

  /**
   * The caller's client or a new one, with the SDK's rules whatever the caller's client says: ShowJobDetail
   * never redirects, and following one would send the credentials to whatever host, port or scheme the
   * response names (a 3xx becomes an UnexpectedRedirectException); a caller's Authenticator would answer a
   * 401 with a request of its choosing (the SDK's interceptor handles 401s: a renewed token, a corrected clock).
   */
  private static OkHttpClient plainClient(HttpConfiguration c, Environment env, boolean onlyPlainHttp) {
    OkHttpClient.Builder http = c.httpClient() != null ? c.httpClient().newBuilder() : new OkHttpClient.Builder()
        .connectTimeout(HttpConfiguration.DEFAULT_CONNECT_TIMEOUT)
        .readTimeout(HttpConfiguration.DEFAULT_READ_TIMEOUT)
        .dispatcher(ownDispatcher())
        .connectionPool(new ConnectionPool(SfsTurboJobsClient.DEFAULT_MAX_CONCURRENT_REQUESTS, 5, TimeUnit.MINUTES));
    if (onlyPlainHttp && c.httpClient() == null) {
      // No URL of this client is https (see onlyPlainHttp): without a TLS connection spec OkHttp builds no TLS
      // socket factory, which would read the JVM's trust store and load some 400 classes that no request uses,
      // a good part of a short-lived program's start (the CLI against the emulator). An application's client
      // keeps its own specs.
      http.connectionSpecs(Collections.singletonList(ConnectionSpec.CLEARTEXT));
    }
    if (c.connectTimeout() != null) {
      http.connectTimeout(c.connectTimeout());
    }
    if (c.readTimeout() != null) {
      http.readTimeout(c.readTimeout());
    }
    NetworkSetup.apply(http, c, env);
    return http.followRedirects(false).followSslRedirects(false).authenticator(Authenticator.NONE).build();
  }

  /**
   * True when every URL the client calls is plain http (allowed to loopback addresses only): the endpoints, and
   * IAM's for the project id lookup. Requests go nowhere else: their URLs are built from the endpoints and
   * redirects are never followed. IAM password credentials, which make their token calls through this client
   * (see {@link RegionWiring#bind}), possibly to an IAM endpoint of their own, keep TLS whatever the endpoints;
   * other credentials make no calls through it.
   */
  static boolean onlyPlainHttp(ClientDefaults target) {
    if (target.credentials instanceof IamPasswordCredentials) {
      return false;
    }
    for (URI e : target.endpoints) {
      if (!"http".equalsIgnoreCase(e.getScheme())) {
        return false;
      }
    }
    return target.iam == null || "http".equalsIgnoreCase(target.iam.endpoint.getScheme());
  }

  /**
   * Plain http only to this machine: {@code allowInsecureHttp} is for the emulator and tests, and a token or
   * signature sent in clear must not leave the machine. Decided from the host's text (a name is not resolved
   * here); each connection is checked again by the {@link LoopbackGuard}.
   */
  private static void requireLoopbackForPlainHttp(URI endpoint) {
    if ("http".equalsIgnoreCase(endpoint.getScheme()) && !Loopback.isLoopbackHost(endpoint.getHost())) {
      throw new IllegalArgumentException("allowInsecureHttp allows plain http only to a loopback address "
          + "(localhost, 127.0.0.1, ::1), not to '" + SafeText.capped(String.valueOf(endpoint.getHost()),
          100) + "'; use https for any other host");
    }
  }

  /** A client's own dispatcher: a cap, not a floor; connections open only for requests in flight. */
  private static Dispatcher ownDispatcher() {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(SfsTurboJobsClient.DEFAULT_MAX_CONCURRENT_REQUESTS);
    dispatcher.setMaxRequestsPerHost(SfsTurboJobsClient.DEFAULT_MAX_CONCURRENT_REQUESTS);
    return dispatcher;
  }

  private static String userAgent(HttpConfiguration c) {
    return "sfsturbo-jobs-java/" + VERSION + " (Java " + System.getProperty("java.version") + ")"
        + (c.userAgentSuffix() == null ? "" : " " + c.userAgentSuffix());
  }

  /** Releases what the client created: its dispatcher's threads and idle connections; never a caller's. */
  void close() {
    if (ownsHttpClient) {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
  }
}
