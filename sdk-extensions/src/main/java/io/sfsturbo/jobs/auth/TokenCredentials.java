// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.auth;

import io.sfsturbo.jobs.errors.CredentialsException;
import io.sfsturbo.jobs.internal.HeaderValues;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Sends an IAM token the caller already has in the {@code X-Auth-Token} header: a fixed token,
 * or a supplier asked before every request (for tokens that another part of the application
 * renews).
 *
 * <p>Surrounding whitespace (such as the CR LF a file written on Windows ends in) is removed; a
 * token with any other character outside printable ASCII is refused with a message that names
 * where it came from but does not show it.
 *
 * <!-- src_embed javadoc.token -->
 * <pre>
 * Credentials fixed = TokenCredentials.of&#40;token&#41;;
 * Credentials renewed = TokenCredentials.fromSupplier&#40;currentToken&#41;;  &#47;&#47; asked before each request
 * </pre>
 * <!-- end javadoc.token -->
 */
public final class TokenCredentials implements Credentials {
  static final String WHAT = "the token";
  static final String SUPPLIER_SOURCE = "the token supplier of TokenCredentials";

  /** Null for a fixed token. */
  private final Supplier<String> tokenSupplier;
  /** The checked fixed token; null when a supplier is asked. */
  private final String fixedToken;
  /** The fixed token's identity, made once: a call then allocates nothing for authentication. */
  private final Identity fixedIdentity;

  private TokenCredentials(Supplier<String> tokenSupplier, String fixedToken) {
    this.tokenSupplier = tokenSupplier;
    this.fixedToken = fixedToken;
    this.fixedIdentity = fixedToken == null ? null : Identity.checkedToken(fixedToken);
  }

  /**
   * Uses one fixed token.
   *
   * @param token the IAM token; surrounding whitespace is removed
   * @return the credentials
   * @throws IllegalArgumentException when the token is null, blank, or holds a character outside
   *     printable ASCII (the message does not show the token)
   */
  public static TokenCredentials of(String token) {
    return fixed(token, "TokenCredentials.of(token)");
  }

  /**
   * Uses a fixed token from the named source, such as an environment variable.
   *
   * @throws IllegalArgumentException as {@link #of(String)}, with the source in the message
   */
  static TokenCredentials fixed(String token, String source) {
    return new TokenCredentials(null, HeaderValues.requireValid(token, source, WHAT));
  }

  /**
   * Asks a supplier for the token before each request. Its answer is checked each time, as
   * {@link #of(String)} checks a fixed token.
   *
   * @param tokenSupplier gives the current token; must not return null, blank, or a value with a
   *     character outside printable ASCII, or the request fails with a
   *     {@link CredentialsException} before it is sent
   * @return the credentials
   */
  public static TokenCredentials fromSupplier(Supplier<String> tokenSupplier) {
    Objects.requireNonNull(tokenSupplier, "tokenSupplier");
    return new TokenCredentials(tokenSupplier, null);
  }

  /**
   * {@inheritDoc}
   *
   * @throws CredentialsException when the supplier returns null, a blank token or one that
   *     cannot be sent in a header; the message does not show the token
   */
  @Override
  public Identity resolveIdentity() {
    if (fixedIdentity != null) {
      return fixedIdentity;
    }
    String token;
    {
      // Asked outside the try: an IllegalArgumentException of the supplier's own is not ours to retype.
      String supplied = tokenSupplier.get();
      try {
        token = HeaderValues.requireValid(supplied, SUPPLIER_SOURCE, WHAT);
      } catch (IllegalArgumentException e) {
        // Not the caller's argument that is wrong but what the application's supplier produced: a
        // credentials failure of this call, typed like the others the SDK throws.
        throw new CredentialsException(e.getMessage(), e);
      }
    }
    return Identity.checkedToken(token);
  }

  @Override
  public String toString() {
    return "TokenCredentials{token=***}";
  }
}
