// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Tells from a host's text alone whether it names this machine: {@code localhost}, or a literal address in
 * 127.0.0.0/8 or {@code ::1}. A name is never resolved, because DNS could map any name to a loopback address
 * today and elsewhere tomorrow. The insecure modes (plain http) are confined to such hosts.
 */
public final class Loopback {
  private Loopback() {}

  /**
   * Returns whether the host is {@code localhost} or a loopback address literal.
   *
   * @param host a host as in a URL, IPv6 with or without brackets
   * @return whether it names this machine
   */
  public static boolean isLoopbackHost(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.toLowerCase(Locale.ROOT).equals("localhost")) {
      return true;
    }
    InetAddress literal = literal(h);
    return literal != null && literal.isLoopbackAddress();
  }

  /**
   * Parses an IPv4 or IPv6 literal without any lookup.
   *
   * @param text the text, IPv6 without brackets
   * @return the address, or null when the text is not an address literal
   */
  public static InetAddress literal(String text) {
    try {
      if (text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
        String[] parts = text.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
          int octet = Integer.parseInt(parts[i]);
          if (octet > 255) {
            return null;
          }
          bytes[i] = (byte) octet;
        }
        return InetAddress.getByAddress(bytes);
      }
      if (text.indexOf(':') >= 0 && text.matches("[0-9A-Fa-f:.]+")) {
        // Text with a colon is parsed as an IPv6 literal and refused when it is not one: never looked up.
        return InetAddress.getByName(text);
      }
      return null;
    } catch (UnknownHostException | SecurityException e) {
      return null;
    }
  }
}
