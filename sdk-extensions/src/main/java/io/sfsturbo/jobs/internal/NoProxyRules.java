// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A {@code NO_PROXY} list, matched as curl matches it ({@code CURLOPT_NOPROXY}): comma-separated entries,
 * blanks around them ignored; {@code *} alone matches every host; a name matches itself and its subdomains
 * ({@code example.com} and {@code .example.com} both match {@code example.com} and {@code www.example.com},
 * never {@code notexample.com}), case-insensitively, a trailing dot ignored; an IP address (IPv6 without
 * brackets) matches that address, or a range in CIDR notation ({@code 10.0.0.0/8}). The target's port does
 * not matter ({@code example.com} matches {@code example.com:8443}), and an entry with a port matches nothing.
 * Names are never resolved: a name entry never matches an address, nor an address entry a name.
 */
public final class NoProxyRules {
  private static final NoProxyRules NONE = new NoProxyRules("", false, Collections.<String>emptyList());

  private final String text;
  private final boolean all;
  private final List<String> entries;

  private NoProxyRules(String text, boolean all, List<String> entries) {
    this.text = text;
    this.all = all;
    this.entries = entries;
  }

  /**
   * Parses a list.
   *
   * @param text the list, or null for none
   * @return the rules
   */
  public static NoProxyRules parse(String text) {
    if (text == null || text.isEmpty()) {
      return NONE;
    }
    // As curl: only the whole value "*" means every host.
    if (text.equals("*")) {
      return new NoProxyRules(text, true, Collections.<String>emptyList());
    }
    List<String> entries = new ArrayList<>();
    for (String part : text.split(",")) {
      String entry = part.replaceAll("^[ \\t]+|[ \\t]+$", "");
      if (!entry.isEmpty()) {
        entries.add(entry);
      }
    }
    return new NoProxyRules(text, false, Collections.unmodifiableList(entries));
  }

  /**
   * Returns whether a host is reached directly.
   *
   * @param host the target's host as in a URL (IPv6 with or without brackets)
   * @return whether an entry matches it
   */
  public boolean matches(String host) {
    if (host == null || host.isEmpty()) {
      return false;
    }
    if (all) {
      return true;
    }
    String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    InetAddress address = Loopback.literal(name);
    if (address == null && name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    for (String entry : entries) {
      if (address != null ? addressMatches(address, entry) : nameMatches(name, entry)) {
        return true;
      }
    }
    return false;
  }

  private static boolean nameMatches(String name, String entry) {
    String e = entry.endsWith(".") ? entry.substring(0, entry.length() - 1) : entry;
    e = e.startsWith(".") ? e.substring(1) : e;
    if (e.isEmpty()) {
      return false;
    }
    String n = name.toLowerCase(Locale.ROOT);
    e = e.toLowerCase(Locale.ROOT);
    return n.equals(e) || (n.endsWith(e) && n.charAt(n.length() - e.length() - 1) == '.');
  }

  private static boolean addressMatches(InetAddress address, String entry) {
    int slash = entry.indexOf('/');
    InetAddress network = Loopback.literal(slash < 0 ? entry : entry.substring(0, slash));
    if (network == null) {
      return false;
    }
    byte[] a = address.getAddress();
    byte[] n = network.getAddress();
    if (a.length != n.length) {
      return false;
    }
    int bits = a.length * 8;
    if (slash >= 0) {
      String b = entry.substring(slash + 1);
      if (!b.matches("\\d{1,3}")) {
        return false;
      }
      int parsed = Integer.parseInt(b);
      if (parsed > bits) {
        return false;
      }
      // As curl: "/0" compares the whole address.
      bits = parsed == 0 ? bits : parsed;
    }
    for (int i = 0; i < bits; i++) {
      int mask = 0x80 >>> (i % 8);
      if ((a[i / 8] & mask) != (n[i / 8] & mask)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns whether the list is empty (no host is exempt).
   *
   * @return whether it is
   */
  public boolean isEmpty() {
    return !all && entries.isEmpty();
  }

  @Override
  public String toString() {
    return text;
  }
}
