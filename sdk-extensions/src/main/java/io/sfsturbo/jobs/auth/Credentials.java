// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.auth;

/**
 * Where requests get their authentication from: one interface for the three schemes the service
 * accepts, a static or supplied {@link TokenCredentials X-Auth-Token}, an {@link IamPasswordCredentials
 * IAM password token}, and {@link AkSkCredentials AK/SK signing}. Credentials are data: an
 * implementation answers with an {@link Identity}, and the SDK sets the headers and computes the
 * signature (with its clock, corrected when the gateway shows that clock is off).
 *
 * <pre>{@code
 * Credentials fromVault = () -> Identity.token(vault.read("sfs-turbo-token"));
 * }</pre>
 *
 * <p>Implementations are thread-safe. Their {@code toString()} never shows a secret.
 */
@FunctionalInterface
public interface Credentials {
  /**
   * Returns what the next attempt is authenticated with. Called once per attempt, on the thread
   * that sends it, just before it leaves.
   *
   * @return the identity, never null
   * @throws io.sfsturbo.jobs.errors.CredentialsException (or any runtime exception, which the SDK
   *     wraps in one) when none can be had; the call then fails without being sent
   */
  Identity resolveIdentity();

  /**
   * Called when the service refused a request sent with an identity of these credentials (HTTP
   * 401). An implementation that can do better on a second try (fetch a new token) does so and
   * answers true; the SDK then resolves the identity again and sends the request once more.
   *
   * @param rejection what the service said
   * @return whether one more attempt can succeed
   */
  default boolean refreshAfterRejection(Rejection rejection) {
    return false;
  }
}
