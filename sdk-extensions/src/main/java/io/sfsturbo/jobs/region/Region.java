// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.region;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A region where SFS Turbo is offered, with its service and IAM endpoints. An immutable value.
 *
 * <p>The catalogue holds Huawei Cloud regions ({@code https://sfs-turbo.{region}.myhuaweicloud.com})
 * and Open Telekom Cloud regions ({@code eu-de}, {@code eu-nl}:
 * {@code https://sfs-turbo.{region}.otc.t-systems.com}). A region missing from it can still be
 * reached with {@link #custom(String, URI, URI)} or the client builder's {@code endpoint(URI)}.
 */
public final class Region {
  /** Which cloud a region belongs to. */
  public enum Cloud {
    /** Huawei Cloud. */
    HUAWEI_CLOUD,
    /** Open Telekom Cloud (T-Systems). */
    OPEN_TELEKOM_CLOUD,
    /** An endpoint given by the caller. */
    CUSTOM
  }

  private static final Map<String, Region> KNOWN;

  static {
    Map<String, Region> m = new LinkedHashMap<>();
    String[] huawei = {"cn-north-1", "cn-north-4", "cn-north-9", "cn-east-2", "cn-east-3", "cn-south-1",
        "cn-southwest-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
        "af-south-1", "la-north-2", "la-south-2", "sa-brazil-1", "na-mexico-1", "tr-west-1", "me-east-1"};
    for (String id : huawei) {
      m.put(id, new Region(id, Cloud.HUAWEI_CLOUD, URI.create("https://sfs-turbo." + id + ".myhuaweicloud.com"),
          URI.create("https://iam." + id + ".myhuaweicloud.com")));
    }
    m.put("eu-west-101", new Region("eu-west-101", Cloud.HUAWEI_CLOUD,
        URI.create("https://sfs-turbo.eu-west-101.myhuaweicloud.eu"),
        URI.create("https://iam.eu-west-101.myhuaweicloud.eu")));
    for (String id : new String[] {"eu-de", "eu-nl"}) {
      m.put(id, new Region(id, Cloud.OPEN_TELEKOM_CLOUD, URI.create("https://sfs-turbo." + id + ".otc.t-systems.com"),
          URI.create("https://iam." + id + ".otc.t-systems.com")));
    }
    KNOWN = Collections.unmodifiableMap(m);
  }

  private final String id;
  private final Cloud cloud;
  private final URI endpoint;
  private final URI iamEndpoint;

  private Region(String id, Cloud cloud, URI endpoint, URI iamEndpoint) {
    this.id = id;
    this.cloud = cloud;
    this.endpoint = endpoint;
    this.iamEndpoint = iamEndpoint;
  }

  /**
   * Returns a region of the catalogue.
   *
   * @param id the region id, for example {@code eu-de} or {@code cn-north-4}
   * @return the region
   * @throws IllegalArgumentException for an id the catalogue does not hold; the message lists those it does
   */
  public static Region of(String id) {
    Objects.requireNonNull(id, "region id");
    Region r = KNOWN.get(id);
    if (r == null) {
      throw new IllegalArgumentException("unknown region '" + id + "'; known regions: "
          + String.join(", ", KNOWN.keySet()) + " (or set a custom endpoint)");
    }
    return r;
  }

  /**
   * Returns the ids of the regions the catalogue holds.
   *
   * @return the ids, in the catalogue's order
   */
  public static Set<String> knownIds() {
    return KNOWN.keySet();
  }

  /**
   * Returns a region the catalogue does not hold.
   *
   * @param id a name for it
   * @param endpoint the SFS Turbo endpoint
   * @param iamEndpoint the IAM endpoint, may be null when IAM password tokens are not used
   * @return the region
   */
  public static Region custom(String id, URI endpoint, URI iamEndpoint) {
    return new Region(Objects.requireNonNull(id, "id"), Cloud.CUSTOM, Objects.requireNonNull(endpoint, "endpoint"),
        iamEndpoint);
  }

  /** Returns every region of the catalogue, in a stable order. */
  public static Map<String, Region> known() {
    return KNOWN;
  }

  /** Returns the region id. */
  public String id() {
    return id;
  }

  /** Returns the cloud the region belongs to. */
  public Cloud cloud() {
    return cloud;
  }

  /** Returns the SFS Turbo endpoint. */
  public URI endpoint() {
    return endpoint;
  }

  /** Returns the IAM endpoint, or null for a custom region given without one. */
  public URI iamEndpoint() {
    return iamEndpoint;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Region)) {
      return false;
    }
    Region r = (Region) o;
    return id.equals(r.id) && cloud == r.cloud && endpoint.equals(r.endpoint)
        && Objects.equals(iamEndpoint, r.iamEndpoint);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, cloud, endpoint, iamEndpoint);
  }

  @Override
  public String toString() {
    return id + " (" + endpoint + ")";
  }
}
