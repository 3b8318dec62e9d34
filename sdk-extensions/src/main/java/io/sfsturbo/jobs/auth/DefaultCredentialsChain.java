// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.auth;

import io.sfsturbo.jobs.config.Environment;
import io.sfsturbo.jobs.errors.CredentialsException;
import io.sfsturbo.jobs.time.TimeSource;

/**
 * Finds credentials in the environment, in this order:
 * <ol>
 *   <li>{@code HUAWEICLOUD_SDK_AK} and {@code HUAWEICLOUD_SDK_SK} (with
 *       {@code HUAWEICLOUD_SDK_SECURITY_TOKEN} for temporary credentials): AK/SK signing;</li>
 *   <li>{@code SFSTURBO_AUTH_TOKEN}: a ready IAM token sent as {@code X-Auth-Token};</li>
 *   <li>the {@code [basic]} section of the Huawei Cloud credentials profile ({@link CredentialsProfile}:
 *       {@code ~/.huaweicloud/credentials} or {@code HUAWEICLOUD_SDK_CREDENTIALS_FILE});</li>
 *   <li>the instance metadata service ({@link InstanceMetadataCredentials}: the temporary keys of a cloud
 *       server's agency), asked at once, so that a machine without one is known within about a second.</li>
 * </ol>
 * When none has credentials, the {@link CredentialsException} says what each source said (never a value). A
 * source that holds something broken (half an AK/SK pair, a value that cannot be a header, a profile that is not
 * INI) stops the chain with its own message rather than falling through to the next.
 * The project id comes from {@code HUAWEICLOUD_SDK_PROJECT_ID}, then the profile's {@code project_id},
 * when the builder sets none.
 *
 * <p>A variable that is unset or blank counts as absent. Surrounding whitespace of a value (such
 * as the CR LF of a file written on Windows) is removed; a value with any other character outside
 * printable ASCII fails with a {@link CredentialsException} that names the variable but does not
 * show the value.
 *
 * <!-- src_embed javadoc.default-chain -->
 * <pre>
 * Credentials fromEnvironment = DefaultCredentialsChain.resolve&#40;Environment.system&#40;&#41;&#41;;
 * </pre>
 * <!-- end javadoc.default-chain -->
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
  /** IAM's endpoint (the official SDKs' variable): where the project id is looked up, and IAM tokens fetched. */
  public static final String ENV_IAM_ENDPOINT = "HUAWEICLOUD_SDK_IAM_ENDPOINT";
  /** The region the client uses when neither a region nor an endpoint is set (the official SDKs' variable). */
  public static final String ENV_REGION = "HUAWEICLOUD_SDK_REGION";

  private DefaultCredentialsChain() {}

  /**
   * Resolves credentials from an environment.
   *
   * @param environment the variables and the home directory ({@link Environment#system()} for this process's)
   * @return the first credentials the chain finds
   * @throws CredentialsException when none is found, only half of an AK/SK pair, or a value that cannot be
   *     used (the message names the variable, never the value)
   */
  public static Credentials resolve(Environment environment) {
    return resolve(environment, null, true, TimeSource.system());
  }

  /**
   * Resolves credentials from an environment and an already found profile.
   *
   * @param environment the variables
   * @param profile the profile ({@link CredentialsProfile#find}), or null for none
   * @return the first credentials the chain finds
   * @throws CredentialsException as {@link #resolve(Environment)}
   */
  public static Credentials resolve(Environment environment, CredentialsProfile profile) {
    return resolve(environment, profile, false, TimeSource.system());
  }

  /**
   * Resolves credentials from an environment and an already found profile, with the time the instance
   * metadata credentials judge expiry by (a client passes its own).
   *
   * @param environment the variables
   * @param profile the profile ({@link CredentialsProfile#find}), or null for none
   * @param timeSource the time of the instance metadata credentials
   * @return the first credentials the chain finds
   * @throws CredentialsException as {@link #resolve(Environment)}
   */
  public static Credentials resolve(Environment environment, CredentialsProfile profile, TimeSource timeSource) {
    return resolve(environment, profile, false, timeSource);
  }

  private static Credentials resolve(Environment env, CredentialsProfile given, boolean findProfile,
      TimeSource time) {
    String ak = env.variable(ENV_AK);
    String sk = env.variable(ENV_SK);
    if (ak != null || sk != null) {
      if (ak == null || sk == null) {
        throw new CredentialsException("found " + (ak == null ? ENV_SK : ENV_AK) + " but not "
            + (ak == null ? ENV_AK : ENV_SK) + " in the environment; set both for AK/SK signing", null);
      }
      String securityToken = env.variable(ENV_SECURITY_TOKEN);
      try {
        return AkSkCredentials.checked(ak, variable(ENV_AK), sk, variable(ENV_SK), securityToken,
            variable(ENV_SECURITY_TOKEN));
      } catch (IllegalArgumentException e) {
        throw badVariable(e);
      }
    }
    String token = env.variable(ENV_AUTH_TOKEN);
    if (token != null) {
      try {
        return TokenCredentials.fixed(token, variable(ENV_AUTH_TOKEN));
      } catch (IllegalArgumentException e) {
        throw badVariable(e);
      }
    }
    // Read last, and only when needed: a broken profile must not stop a user whose environment suffices.
    CredentialsProfile profile = findProfile ? CredentialsProfile.find(env) : given;
    if (profile != null && profile.credentials() != null) {
      return profile.credentials();
    }
    String saidProfile = profile == null ? "no file at " + profileFile(env) : profile.file() + " has no ak and sk in ["
        + CredentialsProfile.SECTION + "]";
    InstanceMetadataCredentials metadata;
    try {
      metadata = InstanceMetadataCredentials.builder().environment(env).timeSource(time).build();
    } catch (IllegalArgumentException e) {
      throw new CredentialsException(e.getMessage() + "; fix or unset the variable", e);
    }
    try {
      metadata.fetchNow();
      return metadata;
    } catch (CredentialsException e) {
      throw new CredentialsException("no credentials found. Tried, in order: (1) the environment: neither " + ENV_AK
          + " and " + ENV_SK + " nor " + ENV_AUTH_TOKEN + " is set; (2) the credentials profile: " + saidProfile
          + "; (3) " + e.getMessage() + ". Set credentials(...) on the client builder, or one of these sources", e);
    }
  }

  private static String profileFile(Environment env) {
    String named = env.variable(CredentialsProfile.ENV_CREDENTIALS_FILE);
    return named != null ? named.trim() : env.homeDirectory().resolve(".huaweicloud").resolve("credentials").toString();
  }

  /**
   * Returns the project id from the environment, else from a profile.
   *
   * @param environment the variables
   * @param profile the profile, or null
   * @return the project id, or null when neither has one
   */
  public static String projectIdFrom(Environment environment, CredentialsProfile profile) {
    String fromEnv = environment.variable(ENV_PROJECT_ID);
    return fromEnv != null || profile == null ? fromEnv : profile.projectId();
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
}
