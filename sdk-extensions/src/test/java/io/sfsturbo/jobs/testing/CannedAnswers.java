// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testing;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.SfsTurboJobsClientBuilder;
import io.sfsturbo.jobs.auth.TokenCredentials;
import io.sfsturbo.jobs.time.TimeSource;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A transport that answers every request from a script, without a socket: the n-th request (from 0) gets
 * {@code script.apply(n)}. For tests that run many whole calls and waits on virtual time, where a real
 * server's threads would cost more than the SDK's logic under test. It records the virtual time of each
 * request.
 */
public final class CannedAnswers implements Interceptor {
  /** One scripted answer. */
  public static final class Answer {
    final int code;
    final String status;
    final String body;
    final String retryAfter;

    private Answer(int code, String status, String body, String retryAfter) {
      this.code = code;
      this.status = status;
      this.body = body;
      this.retryAfter = retryAfter;
    }

    /** A 200 with the job in this status. */
    public static Answer status(String status) {
      return new Answer(200, status, null, null);
    }

    @Override
    public String toString() {
      return code == 200 ? status : "429 Retry-After " + retryAfter;
    }

    /** No answer: the request is held until its call is cancelled (or 10 s pass), then fails. */
    public static Answer holdUntilCancelled() {
      return new Answer(0, null, null, null);
    }

    /** A 429 from the gateway, with this Retry-After text (null for none). */
    public static Answer throttled(String retryAfter) {
      return new Answer(429, null, "{\"error_code\":\"APIGW.0308\",\"error_msg\":\"throttled\"}", retryAfter);
    }
  }

  private final IntFunction<Answer> script;
  private final TimeSource time;
  private final List<Long> requestNanos = new ArrayList<>();
  private final CountDownLatch held = new CountDownLatch(1);
  private final CountDownLatch cancelled = new CountDownLatch(1);
  private volatile OkHttpClient http;

  public CannedAnswers(TimeSource time, IntFunction<Answer> script) {
    this.time = time;
    this.script = script;
  }

  /** A client builder wired to this transport and time: token auth, a project, an HTTPS endpoint never dialled. */
  public SfsTurboJobsClientBuilder clientBuilder() {
    http = new OkHttpClient.Builder().addInterceptor(this).build();
    return SfsTurboJobsClient.builder().endpoint(URI.create("https://sfs-turbo.canned.invalid"))
        .projectId("0123456789abcdef0123456789abcdef").credentials(TokenCredentials.of("token"))
        .httpConfiguration(h -> h.httpClient(http)).timeSource(time);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    int n;
    synchronized (requestNanos) {
      n = requestNanos.size();
      requestNanos.add(time.nanoTime());
    }
    Answer a = script.apply(n);
    if (a.code == 0) {
      held.countDown();
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!chain.call().isCanceled() && System.nanoTime() < until) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
      }
      if (chain.call().isCanceled()) {
        cancelled.countDown();
      }
      throw new IOException("Canceled");
    }
    Response.Builder r = new Response.Builder().request(chain.request()).protocol(Protocol.HTTP_1_1).code(a.code)
        .message(a.code == 200 ? "OK" : "Too Many Requests").header("X-Request-Id", "req-" + n)
        .body(ResponseBody.create(a.body != null ? a.body : job(chain.request().url().pathSegments().get(4), a.status),
            MediaType.get("application/json")));
    if (a.retryAfter != null) {
      r.header("Retry-After", a.retryAfter);
    }
    return r.build();
  }

  /** The job as the service shows it, under the id that was asked for (any text: Gson escapes it). */
  private static String job(String jobId, String status) {
    return "{\"job_id\":" + new com.google.gson.Gson().toJson(jobId) + ",\"status\":\"" + status + "\"}";
  }

  /** Waits (real time, at most 5 s) until a request is held; returns whether one is. */
  public boolean awaitHeld() throws InterruptedException {
    return held.await(5, TimeUnit.SECONDS);
  }

  /** Waits (real time, at most 5 s) until the held request's call is cancelled; returns whether it was. */
  public boolean awaitCancelled() throws InterruptedException {
    return cancelled.await(5, TimeUnit.SECONDS);
  }

  /** Waits (real time, at most 5 s) until no call of this transport runs; returns whether none does. */
  public boolean awaitQuiet() throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (http.dispatcher().runningCallsCount() > 0 && System.nanoTime() < until) {
      Thread.sleep(1);
    }
    return http.dispatcher().runningCallsCount() == 0;
  }

  /** Returns how many requests were answered. */
  public int requests() {
    synchronized (requestNanos) {
      return requestNanos.size();
    }
  }

  /** Returns the virtual time of each request, in order. */
  public List<Long> requestNanos() {
    synchronized (requestNanos) {
      return new ArrayList<>(requestNanos);
    }
  }
}
