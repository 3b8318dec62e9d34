// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import io.sfsturbo.jobs.text.SafeText;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks {@code --endpoint} in the CLI's own terms before the SDK sees it: plain http only with
 * {@code --insecure-http}, and then only to a loopback address, where a token or signature sent in clear
 * cannot leave the machine.
 */
final class Endpoints {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private Endpoints() {}

  /**
   * Returns whether the endpoint is plain http (the client must then allow it).
   *
   * @throws SetupException when plain http is not allowed for it
   */
  static boolean checkScheme(URI endpoint, boolean insecureHttp) {
    return checkScheme(endpoint, insecureHttp, "--endpoint " + shown(endpoint));
  }

  /**
   * Returns whether an endpoint from anywhere (a region's override, IAM's variable) is plain http.
   *
   * @param what names it in a message
   * @throws SetupException when plain http is not allowed for it
   */
  static boolean checkScheme(URI endpoint, boolean insecureHttp, String what) {
    String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http")) {
      return false;
    }
    String host = endpoint.getHost();
    if (!insecureHttp) {
      throw new SetupException(what + " uses plain http, which would send credentials "
          + "in clear; use https, or add --insecure-http for a local emulator on 127.0.0.1, ::1 or localhost");
    }
    if (host == null || !isLoopback(host)) {
      throw new SetupException("--insecure-http allows plain http only to a loopback address (127.0.0.1, ::1, "
          + "localhost), not to '" + SafeText.capped(String.valueOf(host), 100) + "'; use https for other hosts");
    }
    return true;
  }

  /**
   * Whether a host names this machine, decided from the text alone: a name is never resolved, because
   * DNS could map any name to a loopback address today and elsewhere tomorrow.
   */
  static boolean isLoopback(String host) {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!IPV4.matcher(h).matches() && !h.contains(":")) {
      return false;
    }
    try {
      // A literal address: getByName parses it without any lookup.
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException | SecurityException e) {
      return false;
    }
  }

  /** The endpoint for a message: scheme, host and port only, since user info or a path may hold secrets. */
  static String shown(URI endpoint) {
    String text = endpoint.getScheme() + "://" + endpoint.getHost() + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort());
    return SafeText.capped(text, 200);
  }
}
