// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.auth;

import io.sfsturbo.jobs.config.Environment;
import io.sfsturbo.jobs.internal.region.EndpointText;
import io.sfsturbo.jobs.region.Region;
import java.net.URI;

/**
 * Where IAM is, in the official SDKs' order: the endpoint code or the credentials profile set, then
 * {@code HUAWEICLOUD_SDK_IAM_ENDPOINT}, then the region's own IAM endpoint from the catalogue, then IAM's
 * global endpoint. Unlike the official SDKs, whose table lacks {@code eu-west-101} (it then goes to the global
 * endpoint, which does not serve the EU site), the catalogue gives every region its IAM endpoint, Open Telekom
 * Cloud's included.
 */
public final class IamEndpoints {
  /** The variable the official SDKs read. */
  public static final String ENV_IAM_ENDPOINT = "HUAWEICLOUD_SDK_IAM_ENDPOINT";

  /** An endpoint and where it came from, for messages. */
  public static final class Resolved {
    /** The endpoint. */
    public final URI endpoint;
    /** Where it came from. */
    public final String source;

    Resolved(URI endpoint, String source) {
      this.endpoint = endpoint;
      this.source = source;
    }
  }

  private IamEndpoints() {}

  /**
   * Resolves IAM's endpoint.
   *
   * @param given set by code or the profile, or null
   * @param givenSource where {@code given} came from, for messages
   * @param env the variables
   * @param regionId the region, or null
   * @return the endpoint and its source
   * @throws IllegalArgumentException when the given endpoint or the variable is not a valid endpoint (the
   *     message names the source)
   */
  public static Resolved resolve(URI given, String givenSource, Environment env, String regionId) {
    if (given != null) {
      EndpointText.check(given, givenSource);
      return new Resolved(given, givenSource);
    }
    String fromEnv = env.variable(ENV_IAM_ENDPOINT);
    if (fromEnv != null) {
      return new Resolved(EndpointText.parse(fromEnv, ENV_IAM_ENDPOINT), ENV_IAM_ENDPOINT);
    }
    Region known = regionId == null ? null : Region.known().get(regionOf(regionId));
    if (known != null && known.iamEndpoint() != null) {
      return new Resolved(known.iamEndpoint(), "the IAM endpoint of region " + known.id());
    }
    return new Resolved(Region.GLOBAL_IAM_ENDPOINT, "IAM's global endpoint");
  }

  /** A sub-project's name is its region's id, {@code _}, and a suffix: {@code eu-de_team} lives in {@code eu-de}. */
  static String regionOf(String projectName) {
    int cut = projectName.indexOf('_');
    return cut > 0 ? projectName.substring(0, cut) : projectName;
  }
}
