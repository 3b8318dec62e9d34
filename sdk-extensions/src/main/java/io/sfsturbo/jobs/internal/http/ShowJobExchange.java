// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import io.sfsturbo.jobs.errors.ErrorDetails;
import io.sfsturbo.jobs.errors.RequestTimeoutException;
import io.sfsturbo.jobs.errors.ResponseDecodingException;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.errors.TransportException;
import io.sfsturbo.jobs.errors.UnexpectedRedirectException;
import io.sfsturbo.jobs.internal.ErrorDecoder;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.text.DurationText;
import io.sfsturbo.jobs.text.SafeText;
import io.sfsturbo.jobs.time.TimeSource;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code ShowJobDetail} HTTP exchange, bounded as a whole by the watchdog, its response turned into
 * a {@link JobDetail} or a typed failure. Every check of what came back that needs the request (the job
 * id matches, a redirect's target) is made here.
 *
 * <p>The request is the generated interface's ({@link JobRequestCache}); it is sent with OkHttp directly,
 * since the body is decoded here in any case and Retrofit's response wrapping would only copy the
 * response once more per call.
 */
public final class ShowJobExchange implements Exchange<JobDetail> {
  private static final Logger LOG = LoggerFactory.getLogger("io.sfsturbo.jobs.http");
  private final OkHttpClient http;
  private final JobRequestCache requests;
  private final JobDecoder decoder;
  private final String projectId;
  private final String jobId;
  private final AttemptWatchdog watchdog;
  private final TimeSource time;

  /**
   * Creates the exchange of one job; every attempt of a call or a wait on it starts here.
   *
   * @param http the client with the SDK's interceptors
   * @param requests the requests, built once per job
   * @param decoder reads a 2xx body within its limits
   * @param projectId the project, for log lines
   * @param jobId the job, already checked
   * @param watchdog bounds each attempt in real time
   * @param time the client's time: a {@code Retry-After} date is read against it
   */
  public ShowJobExchange(OkHttpClient http, JobRequestCache requests, JobDecoder decoder, String projectId,
      String jobId, AttemptWatchdog watchdog, TimeSource time) {
    this.http = http;
    this.requests = requests;
    this.decoder = decoder;
    this.projectId = projectId;
    this.jobId = jobId;
    this.watchdog = watchdog;
    this.time = time;
  }

  private String operation() {
    return "ShowJobDetail of job '" + jobId + "'";
  }

  @Override
  public Cancellable start(long timeoutNanos, boolean sync, Exchange.Callback<JobDetail> callback) {
    Call call = http.newCall(requests.forJob(jobId));
    SingleReport report = new SingleReport(callback, call, timeoutNanos, sync);
    report.timer = watchdog.arm(timeoutNanos, report::timedOut);
    if (sync) {
      callback.started(call::cancel);
      Response response;
      try {
        response = call.execute();
      } catch (IOException e) {
        report.report(transportFailure(e, report), -1, null);
        return call::cancel;
      } catch (RuntimeException e) {
        report.report(new SfsTurboException(operation() + " failed unexpectedly: " + e, e), -1, null);
        return call::cancel;
      }
      report.onResponse(call, response);
    } else {
      call.enqueue(report);
    }
    return call::cancel;
  }

  /**
   * Reports the outcome of one exchange exactly once: from OkHttp's callback, or from the watchdog when
   * the attempt's time is up (an async caller then hears at once, without waiting for the stalled
   * exchange to notice its cancellation).
   */
  private final class SingleReport implements okhttp3.Callback {
    final Exchange.Callback<JobDetail> callback;
    final Call call;
    final long timeoutNanos;
    final boolean sync;
    final long startNanos = System.nanoTime();
    final AtomicBoolean reported = new AtomicBoolean();
    volatile AttemptWatchdog.Timer timer;

    SingleReport(Exchange.Callback<JobDetail> callback, Call call, long timeoutNanos, boolean sync) {
      this.callback = callback;
      this.call = call;
      this.timeoutNanos = timeoutNanos;
      this.sync = sync;
    }

    void timedOut() {
      call.cancel();
      if (!sync) {
        // A sync caller must hear on its own thread: cancelling unblocks it, and it reports then.
        report(timeout(null, this), -1, null);
      }
    }

    /** Reports an outcome; {@code status} is -1 when no response came. */
    void report(Object outcome, int status, String requestId) {
      AttemptWatchdog.Timer t = timer;
      if (t != null) {
        t.disarm();
      }
      if (!reported.compareAndSet(false, true)) {
        return;
      }
      if (status >= 0) {
        callback.responded(status, requestId);
      }
      if (outcome instanceof JobDetail) {
        callback.succeeded((JobDetail) outcome);
      } else {
        callback.failed((SfsTurboException) outcome);
      }
    }

    @Override
    public void onResponse(Call c, Response response) {
      // Read once: the outcome, the log and the probe all use it.
      String requestId = response.header("X-request-id");
      Object outcome;
      try {
        outcome = outcome(response, requestId, this);
      } catch (RuntimeException e) {
        outcome = new SfsTurboException(operation() + " failed unexpectedly: " + e, e);
      } finally {
        response.close();
      }
      report(outcome, response.code(), requestId);
    }

    @Override
    public void onFailure(Call c, IOException e) {
      report(transportFailure(e, this), -1, null);
    }
  }

  /** Returns the job for a 2xx response, or the exception that the response means. */
  private Object outcome(Response response, String requestId, SingleReport report) {
    logAttempt(response.code(), requestId, report.startNanos);
    int code = response.code();
    if (response.isSuccessful()) {
      JobDetail job;
      try {
        job = decoder.decode(response.body(), requestId);
      } catch (JobDecoder.Rejected e) {
        return decodingFailure(response, requestId, "with a body that could not be read: " + e.getMessage(),
            ErrorDecoder.capRaw(e.raw()), e.getCause());
      } catch (IOException e) {
        // The body broke off or stalled after the headers: the same as no response.
        return transportFailure(e, report);
      }
      if (!jobId.equals(job.jobId())) {
        // A misrouted or cached answer: believing it would report another job's fate as this one's.
        return decodingFailure(response, requestId, "with job '" + SafeText.forMessage(job.jobId())
            + "' instead of the requested one", "", null);
      }
      return job;
    }
    if (code >= 300 && code < 400) {
      // Not followed, and its body is not needed: the response is closed unread.
      ErrorDetails details = new ErrorDetails(operation(), code, null, null, requestId, "");
      return new UnexpectedRedirectException(details, origin(response));
    }
    String errorBody;
    try {
      errorBody = CappedBody.readErrorAndClose(response.body());
    } catch (IOException e) {
      // The error body broke off or stalled: as for a 2xx body, the exchange failed, whatever its status said.
      return transportFailure(e, report);
    }
    return ErrorDecoder.decode(operation(), code, requestId, response.header("Retry-After"), errorBody,
        time.now());
  }

  private ResponseDecodingException decodingFailure(Response response, String requestId, String what, String raw,
      Throwable cause) {
    return new ResponseDecodingException(operation() + " returned HTTP " + response.code() + " " + what
        + " [request id " + (requestId == null ? "none" : SafeText.forMessage(requestId)) + "]", response.code(),
        requestId, raw, cause);
  }

  /** The redirect target's scheme, host and port: never its path or query, which may carry secrets. */
  private static String origin(Response response) {
    String location = response.header("Location");
    if (location == null) {
      return null;
    }
    HttpUrl target = response.request().url().resolve(location);
    if (target == null) {
      return "an unreadable location";
    }
    return target.scheme() + "://" + target.host() + ":" + target.port();
  }

  private void logAttempt(int status, String requestId, long start) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("GET /v1/{}/sfs-turbo/jobs/{} -> {} (request id {}) in {} ms", projectId, jobId, status,
          requestId == null ? null : SafeText.forMessage(requestId),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
  }

  private SfsTurboException transportFailure(IOException e, SingleReport report) {
    if (e instanceof AuthenticatingInterceptor.Failure) {
      return ((AuthenticatingInterceptor.Failure) e).failure;
    }
    if (e instanceof InterceptorBugGuard.Bug) {
      return new SfsTurboException(operation() + " failed unexpectedly: " + e.getCause(), e.getCause());
    }
    AttemptWatchdog.Timer timer = report.timer;
    if (timer != null && timer.fired()) {
      return timeout(e, report);
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("GET /v1/{}/sfs-turbo/jobs/{} -> no response ({}) in {} ms", projectId, jobId,
          SafeText.forMessage(e.toString()), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - report.startNanos));
    }
    String what = e.getMessage() == null ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + SafeText.forMessage(e.getMessage());
    if (PlainHttpAnswer.isCause(e)) {
      // Certain to repeat: retrying would only spend the budget on the same answer.
      return new TransportException(operation() + " failed: the server answered the TLS handshake in plain HTTP; "
          + "use an http:// endpoint for a server without TLS (" + what + ")", e, false);
    }
    if (e instanceof LoopbackGuard.Refused) {
      return new TransportException(operation() + " was refused: " + e.getMessage(), e, false);
    }
    if (e instanceof SocketTimeoutException) {
      return new RequestTimeoutException(operation() + " timed out (" + what + ")", e);
    }
    if (report.call.isCanceled()) {
      return new TransportException(operation() + " was cancelled", e);
    }
    return new TransportException(operation() + " failed before a response arrived (" + what + ")", e);
  }

  private RequestTimeoutException timeout(IOException cause, SingleReport report) {
    LOG.debug("GET /v1/{}/sfs-turbo/jobs/{} -> stopped at its bound of {}", projectId, jobId,
        DurationText.format(Duration.ofNanos(report.timeoutNanos)));
    return new RequestTimeoutException(operation() + " got no complete response within "
        + DurationText.format(Duration.ofNanos(report.timeoutNanos)) + ", the bound of this attempt", cause);
  }

  /** Recognises a TLS handshake that received plain HTTP, by the JDK's message for a record that is not TLS. */
  static final class PlainHttpAnswer {
    private PlainHttpAnswer() {}

    static boolean isCause(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SSLException && t.getMessage() != null
            && t.getMessage().contains("Unsupported or unrecognized SSL message")) {
          return true;
        }
      }
      return false;
    }
  }
}
