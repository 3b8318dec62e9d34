// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs;

import io.sfsturbo.jobs.auth.Credentials;
import io.sfsturbo.jobs.config.ClientOverrideConfiguration;
import io.sfsturbo.jobs.config.Environment;
import io.sfsturbo.jobs.config.HttpConfiguration;
import io.sfsturbo.jobs.errors.ClientClosedException;
import io.sfsturbo.jobs.internal.Ids;
import io.sfsturbo.jobs.internal.engine.AttemptLoop;
import io.sfsturbo.jobs.internal.engine.CallDecider;
import io.sfsturbo.jobs.internal.waiter.DefaultJobWaiter;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.region.Region;
import io.sfsturbo.jobs.retry.RetryPolicy;
import io.sfsturbo.jobs.telemetry.Telemetry;
import io.sfsturbo.jobs.time.TimeSource;
import io.sfsturbo.jobs.waiter.JobWaiter;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The client of the SFS Turbo job API: queries an asynchronous job ({@code ShowJobDetail}), synchronously or
 * without blocking, and waits for it to end ({@link #waiter()}). Build it once and share it: it is
 * thread-safe, and {@link #close()} releases the connections and threads it owns.
 *
 * <!-- src_embed javadoc.client -->
 * <pre>
 * try &#40;SfsTurboJobsClient client = SfsTurboJobsClient.builder&#40;&#41;
 *     .region&#40;&quot;eu-de&quot;&#41;
 *     .projectId&#40;projectId&#41;
 *     .credentials&#40;AkSkCredentials.of&#40;accessKey, secretKey&#41;&#41;
 *     .build&#40;&#41;&#41; &#123;
 *   JobDetail job = client.showJobDetail&#40;jobId&#41;;
 *   WaitResult done = client.waiter&#40;&#41;.waitFor&#40;jobId, WaitOptions.defaults&#40;&#41;&#41;;
 * &#125;
 * </pre>
 * <!-- end javadoc.client -->
 */
public final class SfsTurboJobsClient implements AutoCloseable {
  /** The SDK's version as the build wrote it (for example {@code 0.1.0-SNAPSHOT}), sent in the User-Agent. */
  public static final String VERSION = ClientWiring.VERSION;
  /**
   * How many requests a client that built its own {@code OkHttpClient} runs at once, to its one host:
   * {@value #DEFAULT_MAX_CONCURRENT_REQUESTS} (OkHttp's default is 5 per host, below what thousands of waits
   * need). Idle connections are kept up to the same number, for 5 minutes. A client given an
   * {@code OkHttpClient} keeps that client's dispatcher and pool.
   */
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 128;

  private final SfsTurboJobsClientBuilder settings;
  private final URI endpoint;
  private final String projectId;
  private final ClientWiring wiring;

  SfsTurboJobsClient(SfsTurboJobsClientBuilder b, ClientDefaults resolved) {
    this.settings = b.copy();
    this.endpoint = resolved.endpoints.get(0);
    this.wiring = new ClientWiring(resolved, b.override, b.http, b.telemetry, b.time, b.environment);
    this.projectId = wiring.projectId;
  }

  /**
   * Returns a builder with nothing set: the endpoint, project id and credentials not set come from the
   * environment when the client is built.
   *
   * @return a new builder
   */
  public static SfsTurboJobsClientBuilder builder() {
    return new SfsTurboJobsClientBuilder();
  }

  /**
   * Returns a client configured entirely from the environment, as the official SDKs read it: the region from
   * {@code HUAWEICLOUD_SDK_REGION}, the project id from {@code HUAWEICLOUD_SDK_PROJECT_ID} or the credentials
   * profile, the credentials from the default chain ({@link io.sfsturbo.jobs.auth.DefaultCredentialsChain}).
   *
   * @return a new client
   * @throws IllegalArgumentException when the environment names no region or project id, or a bad one
   * @throws io.sfsturbo.jobs.errors.CredentialsException when it holds no usable credentials
   */
  public static SfsTurboJobsClient create() {
    return builder().build();
  }

  /**
   * Returns a builder holding this client's settings, to make a client that differs in some of them.
   *
   * @return a new builder
   */
  public SfsTurboJobsClientBuilder toBuilder() {
    return settings.copy();
  }

  /**
   * Checks a job id as every call does before any request: for tools that read ids from people or files and
   * want to report a bad one early. An id is one path segment: not blank, at most 128 characters, no
   * {@code /}, {@code \}, {@code ?}, {@code #}, whitespace, control or invisible format character, not
   * {@code .} or {@code ..}.
   *
   * @param jobId the id
   * @return the id, unaltered
   * @throws IllegalArgumentException naming what is wrong (never echoing the id)
   */
  public static String requireValidJobId(String jobId) {
    return Ids.requireValid("jobId", jobId);
  }

  /**
   * Returns a waiter that polls through this client: {@code client.waiter().waitFor(jobId, options)}. Waiters
   * are cheap and thread-safe; one serves any number of waits.
   *
   * @return a waiter on the client's time source
   */
  public JobWaiter waiter() {
    return waiterBuilder().build();
  }

  /**
   * Returns a builder of a waiter that polls through this client, to give it a time source of its own.
   *
   * @return a new waiter builder
   */
  public JobWaiter.Builder waiterBuilder() {
    return new DefaultJobWaiter.Builder(wiring.loops, wiring.telemetry);
  }

  /**
   * Queries a job, retrying transient failures as the retry policy says.
   *
   * @param jobId the job id that the operation which started the job returned
   * @return the job, with the response's request id
   * @throws IllegalArgumentException when the job id is invalid, before any request
   * @throws IllegalStateException when the client is closed
   * @throws io.sfsturbo.jobs.errors.RequestTimeoutException when the call's budget ran out
   * @throws io.sfsturbo.jobs.errors.SfsTurboException (another subtype) when the call failed
   */
  public JobDetail showJobDetail(String jobId) {
    return showJobDetail(jobId, CallOptions.defaults());
  }

  /**
   * Queries a job with settings of its own (budget, attempt bound, retry policy).
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
   * Queries a job with settings changed from the client's: {@code showJobDetail(id, o -> o.callTimeout(d))}.
   *
   * @param jobId the job id
   * @param options changes the client's settings for this call
   * @return the job
   * @throws IllegalArgumentException when the job id is invalid, before any request
   */
  public JobDetail showJobDetail(String jobId, Consumer<CallOptions.Builder> options) {
    return showJobDetail(jobId, CallOptions.of(options));
  }

  /**
   * Queries a job without blocking the calling thread. The future completes on an HTTP or scheduler thread,
   * exceptionally with a {@link io.sfsturbo.jobs.errors.SfsTurboException} subtype when the call fails. It
   * belongs to the caller: cancelling or completing it cancels the request.
   *
   * @param jobId the job id
   * @return the future job
   * @throws IllegalArgumentException at once when the job id is invalid
   * @throws IllegalStateException at once when the client is closed
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

  private AttemptLoop<JobDetail, JobDetail> newCall(String jobId, CallOptions options) {
    Objects.requireNonNull(options, "options");
    ClientOverrideConfiguration o = settings.override;
    Duration budget = options.callTimeout() != null ? options.callTimeout() : o.callTimeout();
    Duration perAttempt = options.attemptTimeout() != null ? options.attemptTimeout() : o.attemptTimeout();
    RetryPolicy policy = options.retryPolicy() != null ? options.retryPolicy() : o.retryPolicy();
    TimeSource time = settings.time;
    // The loop refuses to start (IllegalStateException) once the client is closed.
    return wiring.loops.newLoop(jobId, new CallDecider<JobDetail>("ShowJobDetail of job '" + jobId + "'", policy,
        time::jitter, budget), budget, perAttempt).observe(wiring.telemetry.forCall(jobId));
  }

  /**
   * Returns how calls are bounded and retried.
   *
   * @return the override configuration (defaults where the builder set none)
   */
  public ClientOverrideConfiguration overrideConfiguration() {
    return settings.override;
  }

  /** Returns whether {@link #close()} was called. */
  public boolean isClosed() {
    return wiring.loops.running().isClosed();
  }

  /** Returns the project id that requests go to. */
  public String projectId() {
    return projectId;
  }

  /** Returns the endpoint requests go to first (a region with several moves on when one cannot be reached). */
  public URI endpoint() {
    return endpoint;
  }

  /**
   * Ends the calls and waits still running (with a {@link ClientClosedException}), refuses new ones
   * ({@link IllegalStateException}), and releases the connections and threads that the client created. A
   * client built on a caller's {@code OkHttpClient} leaves that client untouched; a time source's scheduler
   * is never shut down. Idempotent.
   */
  @Override
  public void close() {
    wiring.loops.running().close(() -> new ClientClosedException("the client was closed while a call or wait of "
        + "project '" + projectId + "' was running"));
    wiring.close();
  }

  @Override
  public String toString() {
    return "SfsTurboJobsClient{endpoint=" + endpoint + ", projectId=" + projectId + '}';
  }
}
