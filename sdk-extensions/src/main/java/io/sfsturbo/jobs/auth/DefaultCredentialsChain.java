// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.auth;

import io.sfsturbo.jobs.errors.CredentialsException;
import java.util.Map;

/**
 * Finds credentials in the environment, in this order:
 * <ol>
 *   <li>{@code HUAWEICLOUD_SDK_AK} and {@code HUAWEICLOUD_SDK_SK} (with
 *       {@code HUAWEICLOUD_SDK_SECURITY_TOKEN} for temporary credentials): AK/SK signing;</li>
 *   <li>{@code SFSTURBO_AUTH_TOKEN}: a ready IAM token sent as {@code X-Auth-Token}.</li>
 * </ol>
 * The project id comes from {@code HUAWEICLOUD_SDK_PROJECT_ID} when the builder sets none.
 */
public final class DefaultCredentialsChain {
  /** The access key id variable. */
  public static final String ENV_AK = "HUAWEICLOUD_SDK_AK";
  /** The secret access key variable. */
  public static final String ENV_SK = "HUAWEICLOUD_SDK_SK";
  /** The security token variable, for temporary AK/SK. */
  public static final String ENV_SECURITY_TOKEN = "HUAWEICLOUD_SDK_SECURITY_TOKEN";
  /** The project id variable. */
  public static final String ENV_PROJECT_ID = "HUAWEICLOUD_SDK_PROJECT_ID";
  /** The IAM token variable. */
  public static final String ENV_AUTH_TOKEN = "SFSTURBO_AUTH_TOKEN";

  private DefaultCredentialsChain() {}

  /**
   * Resolves credentials from the given variables.
   *
   * @param env the environment, usually {@link System#getenv()}
   * @return the first credentials the chain finds
   * @throws CredentialsException when none is found, or only half of an AK/SK pair
   */
  public static Credentials resolve(Map<String, String> env) {
    String ak = value(env, ENV_AK);
    String sk = value(env, ENV_SK);
    if (ak != null || sk != null) {
      if (ak == null || sk == null) {
        throw new CredentialsException("found " + (ak == null ? ENV_SK : ENV_AK) + " but not "
            + (ak == null ? ENV_AK : ENV_SK) + " in the environment; set both for AK/SK signing", null);
      }
      String securityToken = value(env, ENV_SECURITY_TOKEN);
      return securityToken == null ? AkSkCredentials.of(ak, sk) : AkSkCredentials.temporary(ak, sk, securityToken);
    }
    String token = value(env, ENV_AUTH_TOKEN);
    if (token != null) {
      return TokenCredentials.of(token);
    }
    throw new CredentialsException("no credentials: set credentials(...) on the client builder, or the "
        + "environment variables " + ENV_AK + " and " + ENV_SK + " (AK/SK), or " + ENV_AUTH_TOKEN + " (IAM token)",
        null);
  }

  /**
   * Returns the project id from the environment.
   *
   * @param env the environment
   * @return the value of {@link #ENV_PROJECT_ID}, or null when unset or blank
   */
  public static String projectIdFrom(Map<String, String> env) {
    return value(env, ENV_PROJECT_ID);
  }

  private static String value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.trim().isEmpty() ? null : v;
  }
}
