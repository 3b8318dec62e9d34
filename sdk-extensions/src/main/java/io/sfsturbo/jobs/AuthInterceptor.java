// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs;

import io.sfsturbo.jobs.auth.Credentials;
import io.sfsturbo.jobs.errors.CredentialsException;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.internal.Printable;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Authenticates every request, and on a 401 lets the credentials recover (new token, corrected
 * clock) and sends the request once more. Runs as an application interceptor, so that the
 * second try is invisible to the retry logic above it.
 *
 * <p>A failure of the credentials (a supplier's bad token, an unreachable IAM endpoint) leaves
 * as {@link Failure}, an {@code IOException}: OkHttp hands any other exception of an async call's
 * interceptor to the dispatcher thread's uncaught handler, so sync and async calls would fail
 * differently. The attempt unwraps it into the same typed exception either way.
 */
final class AuthInterceptor implements Interceptor {
  private final Credentials credentials;
  private final String userAgent;
  private final String projectId;

  AuthInterceptor(Credentials credentials, String userAgent, String projectId) {
    this.credentials = credentials;
    this.userAgent = userAgent;
    this.projectId = projectId;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    // The fixed headers are set here rather than in an interceptor of their own: one request copy less per call.
    // Content-Type is Table 2's mandatory header; the spec marks it x-sdk-managed, so it is set here, not by callers.
    Request original = chain.request().newBuilder().header("User-Agent", userAgent).header("X-Project-Id", projectId)
        .header("Content-Type", "application/json").build();
    Response response = chain.proceed(authenticate(original));
    if (response.code() == 401 && refresh(response)) {
      response.close();
      return chain.proceed(authenticate(original));
    }
    return response;
  }

  private Request authenticate(Request request) throws Failure {
    try {
      return credentials.authenticate(request);
    } catch (RuntimeException e) {
      throw new Failure(typed(e));
    }
  }

  private boolean refresh(Response rejected) throws Failure {
    try {
      return credentials.refreshAfterRejection(rejected);
    } catch (RuntimeException e) {
      throw new Failure(typed(e));
    }
  }

  private static SfsTurboException typed(RuntimeException e) {
    if (e instanceof SfsTurboException) {
      return (SfsTurboException) e;
    }
    // A custom Credentials threw something of its own; its message is the implementer's, kept escaped.
    return new CredentialsException("the credentials could not authenticate the request: "
        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + Printable.forMessage(e.getMessage())),
        e);
  }

  /** Carries a credentials failure through OkHttp as an {@code IOException}. */
  static final class Failure extends IOException {
    private static final long serialVersionUID = 1L;
    final transient SfsTurboException failure;

    Failure(SfsTurboException failure) {
      super(failure.getMessage(), failure);
      this.failure = failure;
    }
  }
}
