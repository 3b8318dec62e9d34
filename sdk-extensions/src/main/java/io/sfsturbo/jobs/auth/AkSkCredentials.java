// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.auth;

import io.sfsturbo.jobs.internal.HeaderValues;

/**
 * Signs requests with an access key (AK) and secret key (SK), algorithm {@code SDK-HMAC-SHA256}
 * of the API gateway; temporary credentials add a signed {@code X-Security-Token}.
 *
 * <p>The SDK does the signing. The gateway rejects a request whose {@code X-Sdk-Date} is more than 15
 * minutes off; when it does so ({@code 401 APIGW.0301}) and its {@code Date} header shows that the
 * local clock is off, the client remembers the offset and signs and sends the request once more.
 *
 * <p>Keys and the security token lose surrounding whitespace (such as the CR LF a file written on
 * Windows ends in); any other character outside printable ASCII is refused with a message that
 * names where the value came from but does not show it.
 *
 * <!-- src_embed javadoc.aksk -->
 * <pre>
 * Credentials keys = AkSkCredentials.of&#40;accessKey, secretKey&#41;;
 * Credentials temporary = AkSkCredentials.temporary&#40;accessKey, secretKey, securityToken&#41;;
 * </pre>
 * <!-- end javadoc.aksk -->
 */
public final class AkSkCredentials implements Credentials {
  private final Identity identity;

  static final String WHAT_AK = "the access key";
  static final String WHAT_SK = "the secret key";
  static final String WHAT_SECURITY_TOKEN = "the security token";

  /** Takes values already checked by {@link #checked}. */
  private AkSkCredentials(String accessKey, String secretKey, String securityToken) {
    this.identity = Identity.checkedAccessKey(accessKey, secretKey, securityToken);
  }

  /**
   * Uses permanent credentials.
   *
   * @param accessKey the AK; surrounding whitespace is removed
   * @param secretKey the SK; surrounding whitespace is removed
   * @return the credentials
   * @throws IllegalArgumentException when a key is null, blank, or holds a character outside
   *     printable ASCII (the message does not show the key)
   */
  public static AkSkCredentials of(String accessKey, String secretKey) {
    String source = "AkSkCredentials.of(accessKey, secretKey)";
    return checked(accessKey, source, secretKey, source, null, null);
  }

  /**
   * Uses temporary credentials (from IAM's security token service).
   *
   * @param accessKey the temporary AK; surrounding whitespace is removed
   * @param secretKey the temporary SK; surrounding whitespace is removed
   * @param securityToken the security token; surrounding whitespace is removed
   * @return the credentials
   * @throws IllegalArgumentException when a value is null, blank, or holds a character outside
   *     printable ASCII (the message does not show the value)
   */
  public static AkSkCredentials temporary(String accessKey, String secretKey, String securityToken) {
    String source = "AkSkCredentials.temporary(accessKey, secretKey, securityToken)";
    // Checked here rather than passed on as null: null would silently mean permanent credentials.
    HeaderValues.requireValid(securityToken, source, WHAT_SECURITY_TOKEN);
    return checked(accessKey, source, secretKey, source, securityToken, source);
  }

  /**
   * Checks each value and names its own source in a message, so that the environment chain can
   * name the variable that holds a bad value.
   *
   * @param securityToken null for permanent credentials
   * @throws IllegalArgumentException when a value is bad; the message names its source
   */
  static AkSkCredentials checked(String accessKey, String accessKeySource, String secretKey, String secretKeySource,
      String securityToken, String securityTokenSource) {
    String ak = HeaderValues.requireValid(accessKey, accessKeySource, WHAT_AK);
    // The SK goes into no header, but real SKs are printable ASCII: one with a line break or a non-ASCII
    // character is a broken copy, better refused here than as a signature mismatch the gateway cannot explain.
    String sk = HeaderValues.requireValid(secretKey, secretKeySource, WHAT_SK);
    String token = securityToken == null ? null
        : HeaderValues.requireValid(securityToken, securityTokenSource, WHAT_SECURITY_TOKEN);
    return new AkSkCredentials(ak, sk, token);
  }

  /** Returns the access key id (not a secret; it names the key). */
  public String accessKey() {
    return identity.accessKey();
  }

  /** Returns the same identity at every call: the key pair never changes. */
  @Override
  public Identity resolveIdentity() {
    return identity;
  }

  @Override
  public String toString() {
    return "AkSkCredentials{accessKey=" + identity.accessKey() + ", secretKey=***"
        + (identity.securityToken() == null ? "" : ", securityToken=***") + '}';
  }
}
