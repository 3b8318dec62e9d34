// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.region;

import io.sfsturbo.jobs.config.Environment;
import io.sfsturbo.jobs.internal.region.RegionOverrides;
import io.sfsturbo.jobs.text.SafeText;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A region where SFS Turbo is offered, with its service endpoints and IAM endpoint. An immutable value.
 *
 * <p>The catalogue holds the regions of Huawei Cloud's official SDK for SFS Turbo
 * ({@code https://sfs-turbo.{region}.myhuaweicloud.com}; the EU site {@code eu-west-101} has its own domain,
 * {@code https://sfs-turbo.eu-west-101.myhuaweicloud.eu}) and Open Telekom Cloud's ({@code eu-de}, {@code eu-nl}:
 * {@code https://sfs-turbo.{region}.otc.t-systems.com}). {@link #resolve(String, Environment)} reads the
 * endpoint overrides of the official SDKs first; a region missing from the catalogue can also be reached with
 * {@link #custom(String, URI, URI)} or the client builder's {@code endpoint(URI)}.
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

  /** IAM's global endpoint, where the official SDKs send a region that their IAM table lacks. */
  public static final URI GLOBAL_IAM_ENDPOINT = URI.create("https://iam.myhuaweicloud.com");
  /** The variable that names another regions file than {@code ~/.huaweicloud/regions.yaml}. */
  public static final String ENV_REGIONS_FILE = RegionOverrides.ENV_REGIONS_FILE;
  /** The longest region id accepted; real ones are under 20 characters. */
  public static final int MAX_ID_LENGTH = 64;
  private static final String CATALOGUE = "the SDK's catalogue";

  private static final Map<String, Region> KNOWN;

  static {
    Map<String, Region> m = new LinkedHashMap<>();
    // The official SDK's SFSTurboRegion (v3.1.212), Chinese mainland first, then the other sites.
    String[] huawei = {"cn-north-1", "cn-north-2", "cn-north-4", "cn-north-9", "cn-north-11", "cn-north-12",
        "cn-east-2", "cn-east-3", "cn-east-4", "cn-east-5", "cn-south-1", "cn-south-2", "cn-south-4",
        "cn-southwest-2", "cn-southwest-3", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
        "ap-southeast-5", "af-south-1", "af-north-1", "la-north-2", "la-south-2", "sa-brazil-1", "na-mexico-1",
        "tr-west-1", "me-east-1", "ru-moscow-1", "my-kualalumpur-1", "ae-ad-1"};
    for (String id : huawei) {
      m.put(id, new Region(id, Cloud.HUAWEI_CLOUD, one("https://sfs-turbo." + id + ".myhuaweicloud.com"),
          URI.create("https://iam." + id + ".myhuaweicloud.com"), CATALOGUE));
    }
    m.put("eu-west-101", new Region("eu-west-101", Cloud.HUAWEI_CLOUD,
        one("https://sfs-turbo.eu-west-101.myhuaweicloud.eu"), URI.create("https://iam.eu-west-101.myhuaweicloud.eu"),
        CATALOGUE));
    for (String id : new String[] {"eu-de", "eu-nl"}) {
      m.put(id, new Region(id, Cloud.OPEN_TELEKOM_CLOUD, one("https://sfs-turbo." + id + ".otc.t-systems.com"),
          URI.create("https://iam." + id + ".otc.t-systems.com"), CATALOGUE));
    }
    KNOWN = Collections.unmodifiableMap(m);
  }

  private final String id;
  private final Cloud cloud;
  private final List<URI> endpoints;
  private final URI iamEndpoint;
  private final String source;

  private Region(String id, Cloud cloud, List<URI> endpoints, URI iamEndpoint, String source) {
    this.id = id;
    this.cloud = cloud;
    this.endpoints = endpoints;
    this.iamEndpoint = iamEndpoint;
    this.source = source;
  }

  private static List<URI> one(String endpoint) {
    return Collections.singletonList(URI.create(endpoint));
  }

  /**
   * Returns a region of the catalogue, without the overrides of the environment (see
   * {@link #resolve(String, Environment)}).
   *
   * @param id the region id, for example {@code eu-de} or {@code cn-north-4}
   * @return the region
   * @throws IllegalArgumentException for an id the catalogue does not hold; the message lists those it does
   */
  public static Region of(String id) {
    Objects.requireNonNull(id, "region id");
    Region r = KNOWN.get(id);
    if (r == null) {
      throw new IllegalArgumentException("unknown region '" + SafeText.capped(id, MAX_ID_LENGTH) + "'; known "
          + "regions: " + String.join(", ", KNOWN.keySet()) + " (or set a custom endpoint)");
    }
    return r;
  }

  /**
   * Returns a region as the official SDKs find it: the endpoints of the variable
   * {@code HUAWEICLOUD_SDK_REGION_SFSTURBO_{REGION}} (the id upper-cased, {@code -} as {@code _}; several
   * endpoints separated by commas), else those of the {@code SFSTURBO} service in {@code ~/.huaweicloud/regions.yaml}
   * (or the file {@code HUAWEICLOUD_SDK_REGIONS_FILE} names), else the catalogue's. An endpoint without a scheme
   * is {@code https://}. A region set only by an override is {@link Cloud#CUSTOM}, with no IAM endpoint; one of
   * the catalogue keeps its cloud and IAM endpoint.
   *
   * @param id the region id
   * @param environment where the variables and the home directory are read
   * @return the region
   * @throws IllegalArgumentException for a bad id, an override that holds no valid endpoint, a regions file
   *     outside the documented shape (the message names the variable or the file and line, never a value), or an
   *     id that neither an override nor the catalogue holds
   */
  public static Region resolve(String id, Environment environment) {
    requireValidId("region id", id);
    Objects.requireNonNull(environment, "environment");
    RegionOverrides.Found found = RegionOverrides.find(id, environment);
    Region known = KNOWN.get(id);
    if (found == null) {
      return of(id);
    }
    List<URI> endpoints = Collections.unmodifiableList(new ArrayList<>(found.endpoints));
    return known != null ? new Region(id, known.cloud, endpoints, known.iamEndpoint, found.source)
        : new Region(id, Cloud.CUSTOM, endpoints, null, found.source);
  }

  /**
   * Checks a region id where it enters: not blank, at most {@value #MAX_ID_LENGTH} characters, only ASCII letters,
   * digits, {@code -}, {@code _} and {@code .} (it becomes part of a variable's name and of IAM's project name).
   *
   * @param source the setting or variable that carried it, for the message
   * @param id the id
   * @return the id, unaltered
   * @throws IllegalArgumentException naming the source and the first offending character by its code point
   */
  public static String requireValidId(String source, String id) {
    if (id == null || id.trim().isEmpty()) {
      throw new IllegalArgumentException(source + " must not be " + (id == null ? "null" : "blank"));
    }
    if (id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException(source + " is " + id.length() + " characters long; a region id has at most "
          + MAX_ID_LENGTH);
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
          || c == '.')) {
        throw new IllegalArgumentException(source + " may hold only ASCII letters, digits, '-', '_' and '.': U+"
            + String.format("%04X", (int) c) + " at index " + i);
      }
    }
    return id;
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
   * @param iamEndpoint the IAM endpoint, may be null (then IAM calls use the global endpoint)
   * @return the region
   */
  public static Region custom(String id, URI endpoint, URI iamEndpoint) {
    return custom(id, Collections.singletonList(Objects.requireNonNull(endpoint, "endpoint")), iamEndpoint);
  }

  /**
   * Returns a region the catalogue does not hold, with several endpoints: a request moves to the next one when
   * the current one's name does not resolve, it refuses the connection or the TLS handshake fails.
   *
   * @param id a name for it
   * @param endpoints the SFS Turbo endpoints, at least one, in the order they are tried
   * @param iamEndpoint the IAM endpoint, may be null (then IAM calls use the global endpoint)
   * @return the region
   */
  public static Region custom(String id, List<URI> endpoints, URI iamEndpoint) {
    Objects.requireNonNull(endpoints, "endpoints");
    if (endpoints.isEmpty()) {
      throw new IllegalArgumentException("a region needs at least one endpoint");
    }
    List<URI> copy = new ArrayList<>();
    for (URI e : endpoints) {
      copy.add(Objects.requireNonNull(e, "endpoint"));
    }
    return new Region(Objects.requireNonNull(id, "id"), Cloud.CUSTOM, Collections.unmodifiableList(copy),
        iamEndpoint, "Region.custom(...)");
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

  /** Returns the SFS Turbo endpoint: the first of {@link #endpoints()}. */
  public URI endpoint() {
    return endpoints.get(0);
  }

  /** Returns the SFS Turbo endpoints in the order they are tried; one unless an override sets several. */
  public List<URI> endpoints() {
    return endpoints;
  }

  /** Returns the IAM endpoint, or null for a custom region given without one. */
  public URI iamEndpoint() {
    return iamEndpoint;
  }

  /**
   * Returns where the endpoints came from, for messages: {@code the SDK's catalogue}, a variable's name, a
   * regions file and line, or {@code Region.custom(...)}.
   */
  public String source() {
    return source;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Region)) {
      return false;
    }
    Region r = (Region) o;
    return id.equals(r.id) && cloud == r.cloud && endpoints.equals(r.endpoints)
        && Objects.equals(iamEndpoint, r.iamEndpoint);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, cloud, endpoints, iamEndpoint);
  }

  @Override
  public String toString() {
    return id + " (" + (endpoints.size() == 1 ? endpoint().toString() : endpoints.toString()) + ")";
  }
}
