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
 *
 * <p>A variable that is unset or blank counts as absent. Surrounding whitespace of a value (such
 * as the CR LF of a file written on Windows) is removed; a value with any other character outside
 * printable ASCII fails with a {@link CredentialsException} that names the variable but does not
 * show the value.
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
   * @throws CredentialsException when none is found, only half of an AK/SK pair, or a value that
   *     cannot be used (the message names the variable, never the value)
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
      try {
        return AkSkCredentials.checked(ak, variable(ENV_AK), sk, variable(ENV_SK), securityToken,
            variable(ENV_SECURITY_TOKEN));
      } catch (IllegalArgumentException e) {
        throw badVariable(e);
      }
    }
    String token = value(env, ENV_AUTH_TOKEN);
    if (token != null) {
      try {
        return TokenCredentials.fixed(token, variable(ENV_AUTH_TOKEN));
      } catch (IllegalArgumentException e) {
        throw badVariable(e);
      }
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

  /**
   * The environment is not an argument the caller passed: a bad value there is a credentials
   * failure, and the check's message already names the variable.
   */
  private static CredentialsException badVariable(IllegalArgumentException e) {
    return new CredentialsException(e.getMessage() + "; fix or unset the variable", e);
  }

  private static String variable(String name) {
    return "the environment variable " + name;
  }

  private static String value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.trim().isEmpty() ? null : v;
  }
}
