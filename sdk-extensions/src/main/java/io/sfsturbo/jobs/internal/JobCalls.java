// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal;

import io.sfsturbo.jobs.JobDetail;
import io.sfsturbo.jobs.errors.RequestTimeoutException;
import io.sfsturbo.jobs.errors.ResponseDecodingException;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.errors.TransportException;
import io.sfsturbo.jobs.generated.api.JobsApi;
import io.sfsturbo.jobs.generated.model.ShowJobDetailResponse;
import io.sfsturbo.jobs.retry.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Callback;
import retrofit2.Response;

/**
 * Runs {@code ShowJobDetail} calls through the generated interface: one attempt after another
 * under the retry policy, synchronously on the caller's thread or asynchronously without
 * holding a thread between attempts.
 */
public final class JobCalls {
  private static final Logger LOG = LoggerFactory.getLogger("io.sfsturbo.jobs.http");
  private static final String CONTENT_TYPE = "application/json";

  private final JobsApi api;
  private final String projectId;
  private final RetryPolicy retryPolicy;
  private final Sleeper sleeper;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final DoubleSupplier random;

  /**
   * Creates the runner.
   *
   * @param api the generated interface
   * @param projectId the validated project id
   * @param retryPolicy when to retry
   * @param sleeper how sync calls wait between attempts
   * @param clock the time source for Retry-After dates and durations
   * @param scheduler times async retries
   * @param random draws jitter in [0, 1)
   */
  public JobCalls(JobsApi api, String projectId, RetryPolicy retryPolicy, Sleeper sleeper, Clock clock,
      ScheduledExecutorService scheduler, DoubleSupplier random) {
    this.api = api;
    this.projectId = projectId;
    this.retryPolicy = retryPolicy;
    this.sleeper = sleeper;
    this.clock = clock;
    this.scheduler = scheduler;
    this.random = random == null ? () -> ThreadLocalRandom.current().nextDouble() : random;
  }

  private static String operation(String jobId) {
    return "ShowJobDetail of job '" + jobId + "'";
  }

  /**
   * Queries a job, retrying as the policy says.
   *
   * @param jobId a validated job id
   * @return the job
   */
  public JobDetail show(String jobId) {
    List<SfsTurboException> earlier = new ArrayList<>();
    for (int attempt = 1; ; attempt++) {
      Call<ShowJobDetailResponse> call = api.showJobDetail(projectId, jobId, CONTENT_TYPE, null);
      long start = System.nanoTime();
      SfsTurboException failure;
      try {
        Response<ShowJobDetailResponse> response = call.execute();
        Object outcome = outcome(jobId, response, start);
        if (outcome instanceof JobDetail) {
          return (JobDetail) outcome;
        }
        failure = (SfsTurboException) outcome;
      } catch (IOException e) {
        failure = transportFailure(jobId, call, e, start);
      }
      if (Thread.currentThread().isInterrupted()) {
        throw withEarlier(failure, earlier);
      }
      Duration delay = retryDelay(jobId, failure, attempt, earlier);
      if (delay == null) {
        throw withEarlier(failure, earlier);
      }
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        SfsTurboException interrupted = new SfsTurboException(operation(jobId)
            + " was interrupted while waiting to retry", e);
        throw withEarlier(interrupted, earlier);
      }
    }
  }

  /**
   * Queries a job without blocking: the future completes on an HTTP or scheduler thread.
   * Cancelling it cancels the request in flight and any pending retry.
   *
   * @param jobId a validated job id
   * @return the future job
   */
  public CompletableFuture<JobDetail> showAsync(String jobId) {
    AsyncShow future = new AsyncShow(jobId);
    future.attempt();
    return future;
  }

  private final class AsyncShow extends CompletableFuture<JobDetail> implements Callback<ShowJobDetailResponse> {
    private final String jobId;
    private final List<SfsTurboException> earlier = new ArrayList<>();
    private volatile Call<ShowJobDetailResponse> inFlight;
    private volatile ScheduledFuture<?> pendingRetry;
    private volatile long attemptStart;
    private int attempts;

    AsyncShow(String jobId) {
      this.jobId = jobId;
    }

    void attempt() {
      if (isDone()) {
        return;
      }
      attempts++;
      Call<ShowJobDetailResponse> call = api.showJobDetail(projectId, jobId, CONTENT_TYPE, null);
      inFlight = call;
      attemptStart = System.nanoTime();
      call.enqueue(this);
      if (isDone()) {
        call.cancel();
      }
    }

    @Override
    public void onResponse(Call<ShowJobDetailResponse> call, Response<ShowJobDetailResponse> response) {
      Object outcome;
      try {
        outcome = outcome(jobId, response, attemptStart);
      } catch (RuntimeException e) {
        outcome = new SfsTurboException(operation(jobId) + " failed unexpectedly", e);
      }
      if (outcome instanceof JobDetail) {
        complete((JobDetail) outcome);
      } else {
        failed((SfsTurboException) outcome);
      }
    }

    @Override
    public void onFailure(Call<ShowJobDetailResponse> call, Throwable t) {
      if (isDone()) {
        return;
      }
      if (!(t instanceof IOException)) {
        // Retrofit hands interceptor failures (a credentials error, say) here too.
        failed(t instanceof SfsTurboException ? (SfsTurboException) t
            : new SfsTurboException(operation(jobId) + " failed unexpectedly", t));
        return;
      }
      failed(transportFailure(jobId, call, (IOException) t, attemptStart));
    }

    private void failed(SfsTurboException failure) {
      if (isDone()) {
        return;
      }
      Duration delay = retryDelay(jobId, failure, attempts, earlier);
      if (delay == null) {
        completeExceptionally(withEarlier(failure, earlier));
        return;
      }
      try {
        pendingRetry = scheduler.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RuntimeException rejected) {
        completeExceptionally(withEarlier(new SfsTurboException(operation(jobId)
            + " could not schedule its retry: the scheduler refused it", rejected), earlier));
      }
      if (isDone()) {
        ScheduledFuture<?> p = pendingRetry;
        if (p != null) {
          p.cancel(false);
        }
      }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      boolean cancelled = super.cancel(mayInterruptIfRunning);
      Call<ShowJobDetailResponse> call = inFlight;
      if (call != null) {
        call.cancel();
      }
      ScheduledFuture<?> p = pendingRetry;
      if (p != null) {
        p.cancel(false);
      }
      return cancelled;
    }
  }

  /** Returns the job for a 2xx response, or the exception that the response means. */
  private Object outcome(String jobId, Response<ShowJobDetailResponse> response, long start) {
    String requestId = response.headers().get("X-request-id");
    logAttempt(jobId, response.code(), requestId, start);
    if (response.isSuccessful()) {
      ShowJobDetailResponse body = response.body();
      if (body == null) {
        return new ResponseDecodingException(operation(jobId) + " returned HTTP " + response.code()
            + " without a body [request id " + requestId + "]", response.code(), requestId, "", null);
      }
      if (body instanceof DecodedJobResponse && ((DecodedJobResponse) body).failure != null) {
        DecodedJobResponse failed = (DecodedJobResponse) body;
        return new ResponseDecodingException(operation(jobId) + " returned HTTP " + response.code()
            + " with a body that could not be read: " + failed.failure + " [request id " + requestId + "]",
            response.code(), requestId, Bodies.cap(failed.rawJson), failed.failureCause);
      }
      return JobDetailMapper.toJobDetail(body, requestId);
    }
    String errorBody = Bodies.readAndClose(response.errorBody());
    return ErrorDecoder.decode(operation(jobId), response.code(), requestId,
        response.headers().get("Retry-After"), errorBody, clock.instant());
  }

  private void logAttempt(String jobId, int status, String requestId, long start) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("GET /v1/{}/sfs-turbo/jobs/{} -> {} (request id {}) in {} ms", projectId, jobId, status,
          requestId, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
  }

  private SfsTurboException transportFailure(String jobId, Call<?> call, IOException e, long start) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("GET /v1/{}/sfs-turbo/jobs/{} -> no response ({}) in {} ms", projectId, jobId, e.toString(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
    String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
        + e.getMessage();
    if (e instanceof SocketTimeoutException
        || (e instanceof InterruptedIOException && !call.isCanceled() && !Thread.currentThread().isInterrupted())) {
      return new RequestTimeoutException(operation(jobId) + " timed out (" + what + ")", e);
    }
    return new TransportException(operation(jobId) + " failed before a response arrived (" + what + ")", e);
  }

  /**
   * Asks the policy whether to retry; when it says yes, logs it and keeps the failure for the
   * final exception. Returns the delay, or null when the failure should surface.
   */
  private Duration retryDelay(String jobId, SfsTurboException failure, int attempts, List<SfsTurboException> earlier) {
    Duration delay = retryPolicy.nextDelay(failure, attempts, random.getAsDouble());
    if (delay != null) {
      LOG.debug("retrying {} in {} ms after attempt {}: {}", operation(jobId), delay.toMillis(), attempts,
          failure.getMessage());
      earlier.add(failure);
    }
    return delay;
  }

  private static SfsTurboException withEarlier(SfsTurboException last, List<SfsTurboException> earlier) {
    for (SfsTurboException e : earlier) {
      if (e != last) {
        last.addSuppressed(e);
      }
    }
    return last;
  }
}
