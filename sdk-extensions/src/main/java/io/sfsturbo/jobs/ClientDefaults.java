// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs;

import io.sfsturbo.jobs.auth.Credentials;
import io.sfsturbo.jobs.auth.CredentialsProfile;
import io.sfsturbo.jobs.auth.DefaultCredentialsChain;
import io.sfsturbo.jobs.config.Environment;
import io.sfsturbo.jobs.internal.Ids;
import io.sfsturbo.jobs.region.Region;
import java.net.URI;
import java.util.Locale;

/**
 * What a client builder leaves unset, filled in from the environment as the official SDKs do: the endpoint
 * from {@code HUAWEICLOUD_SDK_REGION}, the project id from {@code HUAWEICLOUD_SDK_PROJECT_ID} or the
 * credentials profile, the credentials from the default chain. Each value is checked where it enters, in
 * the words of the setting or variable that carried it.
 */
final class ClientDefaults {
  final URI endpoint;
  final String projectId;
  final Credentials credentials;

  private ClientDefaults(URI endpoint, String projectId, Credentials credentials) {
    this.endpoint = endpoint;
    this.projectId = projectId;
    this.credentials = credentials;
  }

  static ClientDefaults resolve(Region region, URI endpoint, String projectId, Credentials credentials,
      Environment env, boolean allowInsecureHttp) {
    URI target = endpoint != null ? endpoint : region != null ? region.endpoint() : regionFrom(env);
    if (target == null) {
      throw new IllegalArgumentException("set a region (for example region(\"eu-de\")), an endpoint, or the "
          + "environment variable " + DefaultCredentialsChain.ENV_REGION);
    }
    checkEndpoint(target, allowInsecureHttp);
    String project = projectId;
    String projectSource = "projectId";
    // Read only when the environment leaves a gap, and at most once for the project id and the credentials.
    CredentialsProfile profile = null;
    boolean profileRead = false;
    if (project == null) {
      project = env.variable(DefaultCredentialsChain.ENV_PROJECT_ID);
      projectSource = DefaultCredentialsChain.ENV_PROJECT_ID;
    }
    if (project == null) {
      profile = CredentialsProfile.find(env);
      profileRead = true;
      project = DefaultCredentialsChain.projectIdFrom(env, profile);
      projectSource = "the project_id of the credentials profile";
    }
    if (project == null) {
      throw new IllegalArgumentException("set a projectId (or the environment variable "
          + DefaultCredentialsChain.ENV_PROJECT_ID + ")");
    }
    Ids.requireValidProjectId(projectSource, project.trim());
    Credentials creds = credentials != null ? credentials
        : profileRead ? DefaultCredentialsChain.resolve(env, profile) : DefaultCredentialsChain.resolve(env);
    return new ClientDefaults(target, project.trim(), creds);
  }

  /** The endpoint of the region the environment names, or null when it names none. */
  private static URI regionFrom(Environment env) {
    String id = env.variable(DefaultCredentialsChain.ENV_REGION);
    if (id == null) {
      return null;
    }
    try {
      return Region.of(id.trim()).endpoint();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(DefaultCredentialsChain.ENV_REGION + ": " + e.getMessage(), e);
    }
  }

  private static void checkEndpoint(URI target, boolean allowInsecureHttp) {
    if (target.getRawUserInfo() != null || (target.getRawAuthority() != null && target.getRawAuthority().contains("@"))) {
      // Never echo the endpoint here: its user info may be a password.
      throw new IllegalArgumentException("endpoint must not contain user info (user:password@host): the SDK sends "
          + "credentials only as set with credentials(...); remove it from the endpoint");
    }
    String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("http") && !allowInsecureHttp) {
      throw new IllegalArgumentException("endpoint " + target + " uses plain http; use https, or, for the "
          + "emulator and tests, httpConfiguration(h -> h.allowInsecureHttp(true))");
    }
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("endpoint " + target + " must be an http(s) URL");
    }
    if (target.getHost() == null || target.getRawQuery() != null || target.getRawFragment() != null) {
      throw new IllegalArgumentException("endpoint " + target + " must have a host and no query or fragment");
    }
  }
}
