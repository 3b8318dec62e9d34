// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.region;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Turns an endpoint written in a variable or a file into a URI the way the official SDKs do (no scheme means
 * {@code https://}), and refuses what no endpoint may be: user info (a password in a URL), a query or fragment,
 * no host, a scheme other than http(s). A message names the source and never repeats the text, which may hold
 * a password in its user info.
 */
public final class EndpointText {
  /** Longer is not an endpoint; bounds what a message or a URI parse is given. */
  static final int MAX_LENGTH = 2048;

  private EndpointText() {}

  /**
   * Parses one endpoint.
   *
   * @param text the text, trimmed here
   * @param source names it in a message, such as {@code HUAWEICLOUD_SDK_REGION_SFSTURBO_EU_DE item 2}
   * @return the endpoint, ending in {@code /}
   * @throws IllegalArgumentException naming the source and what is wrong
   */
  public static URI parse(String text, String source) {
    String t = text == null ? "" : text.trim();
    if (t.isEmpty()) {
      throw new IllegalArgumentException(source + " is empty; give an endpoint such as https://host");
    }
    if (t.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(source + " is " + t.length() + " characters long; an endpoint has at most "
          + MAX_LENGTH);
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        throw new IllegalArgumentException(source + " holds U+" + String.format("%04X", (int) c) + " at index " + i
            + "; an endpoint is printable ASCII without spaces");
      }
    }
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.contains("://") && !lower.startsWith("http://") && !lower.startsWith("https://")) {
      throw new IllegalArgumentException(source + " must be an http(s) URL");
    }
    String withScheme = lower.startsWith("http://") || lower.startsWith("https://") ? t : "https://" + t;
    URI uri;
    try {
      uri = new URI(withScheme);
    } catch (URISyntaxException e) {
      // The reason and index only: the text may hold a password in its user info.
      throw new IllegalArgumentException(source + " is not a valid URL: " + e.getReason() + " at index "
          + e.getIndex(), null);
    }
    check(uri, source);
    String s = uri.toString();
    return s.endsWith("/") ? uri : URI.create(s + "/");
  }

  /**
   * Checks an endpoint's shape; plain {@code http} is the caller's decision.
   *
   * @param uri the endpoint
   * @param source names it in a message
   * @throws IllegalArgumentException naming the source and the rule broken
   */
  public static void check(URI uri, String source) {
    if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
      throw new IllegalArgumentException(source + " must not contain user info (user:password@host): the SDK sends "
          + "credentials only as configured; remove it");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException(source + " must be an http(s) URL");
    }
    if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(source + " must have a host and no query or fragment");
    }
  }

  /** Returns whether an endpoint is plain http. */
  public static boolean isPlainHttp(URI uri) {
    return "http".equalsIgnoreCase(uri.getScheme());
  }
}
