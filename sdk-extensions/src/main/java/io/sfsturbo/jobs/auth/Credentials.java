// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.auth;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * How requests prove who sends them: one interface for the three schemes the service accepts,
 * a static or supplied {@link TokenCredentials X-Auth-Token}, an {@link IamPasswordCredentials IAM
 * password token}, and {@link AkSkCredentials AK/SK signing}.
 *
 * <p>Implementations are thread-safe. Their {@code toString()} never shows a secret.
 */
public interface Credentials {
  /**
   * Returns the request with its authentication headers added (or its signature computed).
   * Called once per attempt, just before the request leaves, so a signature covers the final
   * headers.
   *
   * @param request the request, complete but for authentication
   * @return the authenticated request
   */
  Request authenticate(Request request);

  /**
   * Called when the service rejected an authenticated request with 401. An implementation
   * that can do better on a second try (fetch a new token, correct its clock) does so and
   * answers true; the SDK then authenticates the request again and sends it once more.
   *
   * @param rejected the 401 response; its body may be peeked but must not be consumed
   * @return whether one more attempt can succeed
   */
  default boolean refreshAfterRejection(Response rejected) {
    return false;
  }

  /**
   * Returns credentials that make their own HTTP calls (fetching an IAM token) through the given
   * client; the SDK client calls it with its own HTTP client so that token calls share its proxy,
   * timeouts, TLS settings and connection pool and are closed with it. Credentials that make no
   * calls return themselves.
   *
   * @param httpClient the client to make token calls with
   * @return credentials using that client, or this object
   */
  default Credentials withHttpClient(OkHttpClient httpClient) {
    return this;
  }
}
