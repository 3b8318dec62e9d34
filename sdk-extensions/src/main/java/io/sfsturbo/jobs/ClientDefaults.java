// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs;

import io.sfsturbo.jobs.auth.Credentials;
import io.sfsturbo.jobs.auth.CredentialsProfile;
import io.sfsturbo.jobs.auth.DefaultCredentialsChain;
import io.sfsturbo.jobs.auth.IamPasswordCredentials;
import io.sfsturbo.jobs.config.Environment;
import io.sfsturbo.jobs.internal.Ids;
import io.sfsturbo.jobs.internal.auth.IamEndpoints;
import io.sfsturbo.jobs.internal.region.EndpointText;
import io.sfsturbo.jobs.region.Region;
import java.net.URI;
import java.util.Collections;
import java.util.List;

/**
 * What a client builder leaves unset, filled in from the environment as the official SDKs do: the endpoints
 * from the region (with the overrides of the environment and {@code regions.yaml}) or {@code HUAWEICLOUD_SDK_REGION},
 * the project id from {@code HUAWEICLOUD_SDK_PROJECT_ID} or the credentials profile (else it is looked up from
 * IAM, at the endpoint found here), the credentials from the default chain. Each value is checked where it
 * enters, in the words of the setting or variable that carried it.
 */
final class ClientDefaults {
  final List<URI> endpoints;
  /** Null when it is to be looked up from IAM. */
  final String projectId;
  final Credentials credentials;
  /** The region's id, or null when only an endpoint is known. */
  final String regionId;
  /** Where IAM is: for the project id lookup and IAM password credentials without an endpoint of their own. */
  final IamEndpoints.Resolved iam;

  private ClientDefaults(List<URI> endpoints, String projectId, Credentials credentials, String regionId,
      IamEndpoints.Resolved iam) {
    this.endpoints = endpoints;
    this.projectId = projectId;
    this.credentials = credentials;
    this.regionId = regionId;
    this.iam = iam;
  }

  static ClientDefaults resolve(SfsTurboJobsClientBuilder b) {
    Environment env = b.environment;
    boolean allowHttp = b.http.allowInsecureHttp();
    Region region = b.region != null ? b.region : b.regionId != null ? region(b.regionId, "region", env)
        : regionFrom(env);
    List<URI> endpoints;
    if (b.endpoint != null) {
      checkEndpoint(b.endpoint, "endpoint " + b.endpoint, allowHttp);
      endpoints = Collections.singletonList(b.endpoint);
    } else if (region != null) {
      for (URI e : region.endpoints()) {
        checkEndpoint(e, "endpoint " + e + " (of region " + region.id() + ", from " + region.source() + ")", allowHttp);
      }
      endpoints = region.endpoints();
    } else {
      throw new IllegalArgumentException("set a region (for example region(\"eu-de\")), an endpoint, or the "
          + "environment variable " + DefaultCredentialsChain.ENV_REGION);
    }
    String project = b.projectId;
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
    String regionId = region == null ? null : region.id();
    if (project == null && regionId == null) {
      throw new IllegalArgumentException("set a projectId (or the environment variable "
          + DefaultCredentialsChain.ENV_PROJECT_ID + "), or a region, whose project is then looked up from IAM");
    }
    if (project != null) {
      project = Ids.requireValidProjectId(projectSource, project.trim());
    }
    if (b.credentials == null && !profileRead && !credentialsInEnvironment(env)) {
      // The chain's next source: read here so that its iam_endpoint is known with its credentials.
      profile = CredentialsProfile.find(env);
    }
    Credentials creds = b.credentials != null ? b.credentials
        : DefaultCredentialsChain.resolve(env, profile, b.time);
    // Resolved only when used: a bad IAM variable must not stop a client that never calls IAM.
    boolean needsIam = project == null || creds instanceof IamPasswordCredentials;
    return new ClientDefaults(endpoints, project, creds, regionId,
        needsIam ? iam(b, creds, profile, regionId, allowHttp) : null);
  }

  private static boolean credentialsInEnvironment(Environment env) {
    return env.variable(DefaultCredentialsChain.ENV_AK) != null || env.variable(DefaultCredentialsChain.ENV_SK) != null
        || env.variable(DefaultCredentialsChain.ENV_AUTH_TOKEN) != null;
  }

  /** IAM's endpoint: code, the profile (for its own credentials), the variable, the region's, the global one. */
  private static IamEndpoints.Resolved iam(SfsTurboJobsClientBuilder b, Credentials creds, CredentialsProfile profile,
      String regionId, boolean allowHttp) {
    URI given = b.iamEndpoint;
    String source = "iamEndpoint";
    if (given == null && profile != null && profile.iamEndpoint() != null && creds == profile.credentials()) {
      source = "iam_endpoint of the credentials profile " + profile.file();
      given = EndpointText.parse(profile.iamEndpoint(), source);
    }
    IamEndpoints.Resolved iam = IamEndpoints.resolve(given, source, b.environment, regionId);
    checkEndpoint(iam.endpoint, "IAM endpoint " + iam.endpoint + " (from " + iam.source + ")", allowHttp);
    return iam;
  }

  /** The region the environment names, or null when it names none. */
  private static Region regionFrom(Environment env) {
    String id = env.variable(DefaultCredentialsChain.ENV_REGION);
    return id == null ? null : region(id.trim(), DefaultCredentialsChain.ENV_REGION, env);
  }

  private static Region region(String id, String source, Environment env) {
    try {
      return Region.resolve(Region.requireValidId(source, id), env);
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      throw new IllegalArgumentException(m.startsWith(source) ? m : source + ": " + m, e);
    }
  }

  /** A message names the endpoint: the endpoint is checked to hold no user info before it is shown. */
  private static void checkEndpoint(URI target, String what, boolean allowInsecureHttp) {
    if (target.getRawUserInfo() != null || (target.getRawAuthority() != null && target.getRawAuthority().contains("@"))) {
      // Never echo the endpoint here: its user info may be a password.
      throw new IllegalArgumentException("endpoint must not contain user info (user:password@host): the SDK sends "
          + "credentials only as set with credentials(...); remove it from the endpoint");
    }
    EndpointText.check(target, what);
    if (EndpointText.isPlainHttp(target) && !allowInsecureHttp) {
      throw new IllegalArgumentException(what + " uses plain http; use https, or, for the "
          + "emulator and tests, httpConfiguration(h -> h.allowInsecureHttp(true))");
    }
  }
}
