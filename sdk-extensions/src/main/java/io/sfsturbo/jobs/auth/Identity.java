// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.auth;

import io.sfsturbo.jobs.internal.HeaderValues;

/**
 * What one request is authenticated with: an IAM token (sent as {@code X-Auth-Token}) or an access
 * key pair (the SDK signs the request with it, {@code SDK-HMAC-SHA256}, and adds the security token of
 * temporary keys). Data only: the SDK applies it, so a {@link Credentials} implementation never
 * touches a request. An immutable value; {@link #toString()} shows no secret.
 */
public final class Identity {
  private final String token;
  private final String accessKey;
  private final String secretKey;
  private final String securityToken;

  private Identity(String token, String accessKey, String secretKey, String securityToken) {
    this.token = token;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.securityToken = securityToken;
  }

  /**
   * An IAM token.
   *
   * @param token the token; surrounding whitespace is removed
   * @return the identity
   * @throws IllegalArgumentException when the token is null, blank or holds a character outside
   *     printable ASCII (the message does not show it)
   */
  public static Identity token(String token) {
    return new Identity(HeaderValues.requireValid(token, "Identity.token(token)", "the token"), null, null, null);
  }

  /**
   * A permanent access key pair.
   *
   * @param accessKey the AK; surrounding whitespace is removed
   * @param secretKey the SK; surrounding whitespace is removed
   * @return the identity
   * @throws IllegalArgumentException when a key is null, blank or holds a character outside
   *     printable ASCII (the message does not show it)
   */
  public static Identity accessKey(String accessKey, String secretKey) {
    String source = "Identity.accessKey(accessKey, secretKey)";
    return new Identity(null, HeaderValues.requireValid(accessKey, source, AkSkCredentials.WHAT_AK),
        HeaderValues.requireValid(secretKey, source, AkSkCredentials.WHAT_SK), null);
  }

  /**
   * A temporary access key pair with its security token (from IAM's security token service).
   *
   * @param accessKey the temporary AK; surrounding whitespace is removed
   * @param secretKey the temporary SK; surrounding whitespace is removed
   * @param securityToken the security token; surrounding whitespace is removed
   * @return the identity
   * @throws IllegalArgumentException when a value is null, blank or holds a character outside
   *     printable ASCII (the message does not show it)
   */
  public static Identity temporaryAccessKey(String accessKey, String secretKey, String securityToken) {
    String source = "Identity.temporaryAccessKey(accessKey, secretKey, securityToken)";
    return new Identity(null, HeaderValues.requireValid(accessKey, source, AkSkCredentials.WHAT_AK),
        HeaderValues.requireValid(secretKey, source, AkSkCredentials.WHAT_SK),
        HeaderValues.requireValid(securityToken, source, AkSkCredentials.WHAT_SECURITY_TOKEN));
  }

  /** Takes values already checked. */
  static Identity checkedAccessKey(String accessKey, String secretKey, String securityToken) {
    return new Identity(null, accessKey, secretKey, securityToken);
  }

  /** Takes a value already checked. */
  static Identity checkedToken(String token) {
    return new Identity(token, null, null, null);
  }

  /** Returns whether this is a token (else an access key pair). */
  public boolean isToken() {
    return token != null;
  }

  /** Returns the token, or null for an access key pair. A secret: never log it. */
  public String token() {
    return token;
  }

  /** Returns the access key id (not a secret; it names the key), or null for a token. */
  public String accessKey() {
    return accessKey;
  }

  /** Returns the secret key, or null for a token. A secret: never log it. */
  public String secretKey() {
    return secretKey;
  }

  /** Returns the security token of a temporary key pair, or null. A secret: never log it. */
  public String securityToken() {
    return securityToken;
  }

  /** Shows the kind and the access key id, never a secret. */
  @Override
  public String toString() {
    return isToken() ? "Identity{token=***}" : "Identity{accessKey=" + accessKey + ", secretKey=***"
        + (securityToken == null ? "" : ", securityToken=***") + '}';
  }
}
