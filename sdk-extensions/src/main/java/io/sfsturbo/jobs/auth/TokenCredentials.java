// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.auth;

import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.Request;

/**
 * Sends an IAM token the caller already has in the {@code X-Auth-Token} header: a fixed token,
 * or a supplier asked before every request (for tokens that another part of the application
 * renews).
 */
public final class TokenCredentials implements Credentials {
  private final Supplier<String> tokenSupplier;

  private TokenCredentials(Supplier<String> tokenSupplier) {
    this.tokenSupplier = tokenSupplier;
  }

  /**
   * Uses one fixed token.
   *
   * @param token the IAM token; must not be blank
   * @return the credentials
   */
  public static TokenCredentials of(String token) {
    requireToken(token);
    return new TokenCredentials(() -> token);
  }

  /**
   * Asks a supplier for the token before each request.
   *
   * @param tokenSupplier gives the current token; must not return null or blank
   * @return the credentials
   */
  public static TokenCredentials fromSupplier(Supplier<String> tokenSupplier) {
    Objects.requireNonNull(tokenSupplier, "tokenSupplier");
    return new TokenCredentials(tokenSupplier);
  }

  private static String requireToken(String token) {
    if (token == null || token.trim().isEmpty()) {
      throw new IllegalArgumentException("token must not be null or blank");
    }
    return token;
  }

  @Override
  public Request authenticate(Request request) {
    String token;
    try {
      token = requireToken(tokenSupplier.get());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the token supplier returned a null or blank token", e);
    }
    return request.newBuilder().header("X-Auth-Token", token).build();
  }

  @Override
  public String toString() {
    return "TokenCredentials{token=***}";
  }
}
