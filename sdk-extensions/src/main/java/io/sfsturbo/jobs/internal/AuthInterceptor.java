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

  /**

   * Sets {@code credentials}.

   *

   * @param credentials the credentials to apply
   */
  public AuthInterceptor(Credentials credentials) {
    this.credentials = credentials;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request original = chain.request();
    Response response = chain.proceed(credentials.authenticate(original));
    if (response.code() == 401 && credentials.refreshAfterRejection(response)) {
      response.close();
      return chain.proceed(credentials.authenticate(original));
    }
    return response;
  }
}
