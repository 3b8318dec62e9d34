// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal;

import io.sfsturbo.jobs.auth.Credentials;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Authenticates every request, and on a 401 lets the credentials recover (new token, corrected
 * clock) and sends the request once more. Runs as an application interceptor, so that the
 * second try is invisible to the retry logic above it.
 */
public final class AuthInterceptor implements Interceptor {
  private final Credentials credentials;
  private final String userAgent;
  private final String projectId;

  /**
   * Creates the interceptor.
   *
   * @param credentials the credentials to apply
   * @param userAgent the User-Agent to send
   * @param projectId the project, sent as {@code X-Project-Id} (signed under AK/SK)
   */
  public AuthInterceptor(Credentials credentials, String userAgent, String projectId) {
    this.credentials = credentials;
    this.userAgent = userAgent;
    this.projectId = projectId;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    // The fixed headers are set here rather than in an interceptor of their own: one request copy less per call.
    Request original = chain.request().newBuilder().header("User-Agent", userAgent).header("X-Project-Id", projectId)
        .build();
    Response response = chain.proceed(credentials.authenticate(original));
    if (response.code() == 401 && credentials.refreshAfterRejection(response)) {
      response.close();
      return chain.proceed(credentials.authenticate(original));
    }
    return response;
  }
}
