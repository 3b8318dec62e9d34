// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.auth.AkSkCredentials;
import io.sfsturbo.jobs.auth.TokenCredentials;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One {@code ShowJobDetail} round trip on loopback, three ways: through the SDK with a token,
 * through the SDK with AK/SK signing, and as a bare OkHttp call whose body Gson parses into a
 * {@link JsonObject}. The server is the same MockWebServer in every case, answering every request
 * with the same fixed job on a kept-alive connection, so the differences are client-side work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OverheadBenchmark {
  /** The page's example job, as the service writes it. */
  static final String BODY = "{\"job_id\":\"26f6b565-1a2b-4c3d-9e8f-03f0bd975433\",\"status\":\"success\","
      + "\"job_type\":\"bind_ldap\",\"begin_time\":\"2023-07-26 09:33:58\",\"end_time\":\"2023-07-26 09:33:58\"}";
  static final String JOB_ID = "26f6b565-1a2b-4c3d-9e8f-03f0bd975433";
  static final String PROJECT = "p";
  static final String TOKEN = "MIIbenchmark-token";

  private MockWebServer server;
  private OkHttpClient raw;
  private OkHttpClient rawWithSdkTimeouts;
  private HttpUrl rawUrl;
  private SfsTurboJobsClient tokenClient;
  private SfsTurboJobsClient akskClient;
  private TelemetryStacks telemetry;
  private SfsTurboJobsClient micrometerClient;
  private SfsTurboJobsClient otelClient;

  @Setup(Level.Trial)
  public void start() throws IOException {
    MockResponse fixed = new MockResponse.Builder().code(200)
        .addHeader("Content-Type", "application/json;charset=UTF-8")
        .addHeader("X-request-id", "0c1f8e2a9b7d4c6e8f0a1b2c3d4e5f60")
        .body(BODY)
        .build();
    server = new MockWebServer();
    // Without TCP_NODELAY on the server side, Nagle + delayed ACK add ~40 ms to every call.
    server.setServerSocketFactory(io.sfsturbo.jobs.testkit.internal.NoDelayServerSocketFactory.INSTANCE);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return fixed;
      }
    });
    server.start(InetAddress.getLoopbackAddress(), 0);
    raw = new OkHttpClient();
    rawWithSdkTimeouts = raw.newBuilder().connectTimeout(java.time.Duration.ofSeconds(10))
        .readTimeout(java.time.Duration.ofSeconds(30)).callTimeout(java.time.Duration.ofSeconds(60)).build();
    rawUrl = server.url("/v1/" + PROJECT + "/sfs-turbo/jobs/" + JOB_ID);
    tokenClient = SfsTurboJobsClient.builder().endpoint(server.url("/").uri()).httpConfiguration(h -> h.allowInsecureHttp(true))
        .projectId(PROJECT).credentials(TokenCredentials.of(TOKEN)).build();
    akskClient = SfsTurboJobsClient.builder().endpoint(server.url("/").uri()).httpConfiguration(h -> h.allowInsecureHttp(true))
        .projectId(PROJECT).credentials(AkSkCredentials.of("QTWAOYTTINDUT2QVKYUC", "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc"))
        .build();
    telemetry = new TelemetryStacks();
    micrometerClient = SfsTurboJobsClient.builder().endpoint(server.url("/").uri()).httpConfiguration(h -> h.allowInsecureHttp(true))
        .projectId(PROJECT).credentials(TokenCredentials.of(TOKEN)).telemetry(telemetry.micrometer).build();
    otelClient = SfsTurboJobsClient.builder().endpoint(server.url("/").uri()).httpConfiguration(h -> h.allowInsecureHttp(true))
        .projectId(PROJECT).credentials(TokenCredentials.of(TOKEN)).telemetry(telemetry.otel).build();
    // Fail early (and not inside a measurement) if a client does not read the fixed job.
    if (!JOB_ID.equals(tokenClient.showJobDetail(JOB_ID).jobId())
        || !JOB_ID.equals(micrometerClient.showJobDetail(JOB_ID).jobId())
        || !JOB_ID.equals(otelClient.showJobDetail(JOB_ID).jobId())
        || !JOB_ID.equals(akskClient.showJobDetail(JOB_ID).jobId())
        || !JOB_ID.equals(raw().get("job_id").getAsString())) {
      throw new IllegalStateException("a client did not read the fixed job");
    }
  }

  /**
   * MockWebServer keeps every request it received for {@code takeRequest()}; drop them after
   * each iteration, so that the heap does not fill with them over the run.
   */
  @TearDown(Level.Iteration)
  public void drainRecordedRequests() throws InterruptedException {
    while (server.takeRequest(0, TimeUnit.MILLISECONDS) != null) {
      // dropped
    }
  }

  @TearDown(Level.Trial)
  public void stop() {
    tokenClient.close();
    akskClient.close();
    micrometerClient.close();
    otelClient.close();
    telemetry.close();
    raw.dispatcher().executorService().shutdown();
    raw.connectionPool().evictAll();
    server.close();
  }

  /** The baseline: the same GET with the same token header, status checked, body parsed by Gson. */
  @Benchmark
  public JsonObject raw() throws IOException {
    return rawCall(raw);
  }

  /**
   * Diagnostic, not in run.sh's line: the raw call on an OkHttpClient with the SDK's default
   * timeouts (a 60 s call timeout arms Okio's AsyncTimeout watchdog on every call). Run it with
   * {@code JMH_ARGS=-Dbench.include='raw.*'}.
   */
  @Benchmark
  public JsonObject rawWithSdkTimeouts() throws IOException {
    return rawCall(rawWithSdkTimeouts);
  }

  private JsonObject rawCall(OkHttpClient raw) throws IOException {
    Request request = new Request.Builder().url(rawUrl)
        .header("Content-Type", "application/json")
        .header("X-Auth-Token", TOKEN)
        .build();
    try (Response response = raw.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code());
      }
      JsonObject job;
      try (Reader body = response.body().charStream()) {
        job = JsonParser.parseReader(body).getAsJsonObject();
      }
      job.addProperty("request_id", response.header("X-request-id"));
      return job;
    }
  }

  /** The SDK with a fixed token ({@code X-Auth-Token}). */
  @Benchmark
  public JobDetail sdk() {
    return tokenClient.showJobDetail(JOB_ID);
  }

  /**
   * The SDK with a token and the Micrometer adapter on a meter registry (not in run.sh's JMH run;
   * OverheadMain's alternating rounds time it: {@code overhead-micrometer}).
   */
  @Benchmark
  public JobDetail sdkMicrometer() {
    return micrometerClient.showJobDetail(JOB_ID);
  }

  /** The SDK with a token and the OpenTelemetry adapter on an SDK (alternating rounds: {@code overhead-otel}). */
  @Benchmark
  public JobDetail sdkOtel() {
    return otelClient.showJobDetail(JOB_ID);
  }

  /** The SDK with AK/SK signing ({@code SDK-HMAC-SHA256} over the canonical request). */
  @Benchmark
  public JobDetail aksk() {
    return akskClient.showJobDetail(JOB_ID);
  }
}
