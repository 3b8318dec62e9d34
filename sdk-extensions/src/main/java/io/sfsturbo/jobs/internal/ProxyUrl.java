// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A proxy URL taken apart as curl takes it: {@code [http://][user[:password]@]host[:port][/]}. Messages name
 * the setting or variable that carried the URL and what is wrong, never the URL itself, whose user info is a
 * password.
 */
public final class ProxyUrl {
  /** curl's port when a proxy URL names none. */
  public static final int DEFAULT_PORT = 1080;
  private static final int MAX_CREDENTIAL_LENGTH = 1024;

  /** The host. */
  public final String host;
  /** The port. */
  public final int port;
  /** The decoded user, or null. */
  public final String username;
  /** The decoded password, or null. */
  public final String password;

  private ProxyUrl(String host, int port, String username, String password) {
    this.host = host;
    this.port = port;
    this.username = username;
    this.password = password;
  }

  /**
   * Parses a proxy URL.
   *
   * @param url the URL
   * @param source the setting or variable, for messages
   * @return its parts
   * @throws IllegalArgumentException naming the source and the fault, never the value
   */
  public static ProxyUrl parse(String url, String source) {
    if (url == null || url.trim().isEmpty()) {
      throw new IllegalArgumentException(source + ": the proxy URL is empty");
    }
    String rest = url.trim();
    int schemeEnd = rest.indexOf("://");
    if (schemeEnd >= 0) {
      String scheme = rest.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
      if (!scheme.equals("http")) {
        String shown = scheme.matches("[a-z0-9+.-]{1,16}") ? "'" + scheme + "'" : "of this URL";
        throw new IllegalArgumentException(source + ": the proxy scheme " + shown + " is not supported; use an "
            + "http:// proxy (it carries HTTPS through CONNECT)");
      }
      rest = rest.substring(schemeEnd + 3);
    }
    // The user info ends at the last '@': a password may hold '/', '?' or '#' that were not %-escaped.
    int at = rest.lastIndexOf('@');
    int end = indexOfAny(rest, "/?#", at + 1);
    if (end >= 0 && !rest.substring(end).equals("/")) {
      throw new IllegalArgumentException(source + ": a proxy URL has no path, query or fragment: "
          + "[http://][user[:password]@]host[:port]");
    }
    String authority = end >= 0 ? rest.substring(0, end) : rest;
    String username = null;
    String password = null;
    if (at >= 0) {
      String userInfo = authority.substring(0, at);
      authority = authority.substring(at + 1);
      int colon = userInfo.indexOf(':');
      username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), source, "user");
      password = colon < 0 ? null : decode(userInfo.substring(colon + 1), source, "password");
    }
    String host;
    String portText = null;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException(source + ": the proxy's IPv6 address lacks its closing ']'");
      }
      host = authority.substring(1, close);
      String after = authority.substring(close + 1);
      if (!after.isEmpty() && !after.startsWith(":")) {
        throw new IllegalArgumentException(source + ": unexpected text after the proxy's IPv6 address");
      }
      portText = after.isEmpty() ? null : after.substring(1);
    } else {
      int colon = authority.lastIndexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
      portText = colon < 0 ? null : authority.substring(colon + 1);
    }
    requireHost(host, source + ": the proxy host");
    int port = DEFAULT_PORT;
    if (portText != null) {
      if (!portText.matches("\\d{1,5}") || Integer.parseInt(portText) < 1 || Integer.parseInt(portText) > 65535) {
        throw new IllegalArgumentException(source + ": the proxy port must be a number from 1 to 65535");
      }
      port = Integer.parseInt(portText);
    }
    return new ProxyUrl(host, port, username == null || username.isEmpty() ? null : username,
        username == null || username.isEmpty() ? null : password);
  }

  /**
   * Returns a host when it can be one: a name of letters, digits, dots, hyphens and underscores, or an IP address.
   *
   * @param host the host
   * @param what the setting, for messages
   * @return the host, without IPv6 brackets
   */
  public static String requireHost(String host, String what) {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.isEmpty() || h.length() > 253) {
      throw new IllegalArgumentException(what + " must be a host name or an IP address of 1 to 253 characters");
    }
    if (h.indexOf(':') >= 0) {
      if (Loopback.literal(h) == null) {
        throw new IllegalArgumentException(what + " is not a valid IPv6 address");
      }
      return h;
    }
    for (int i = 0; i < h.length(); i++) {
      char c = h.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_')) {
        throw new IllegalArgumentException(what + " has a character that cannot be in a host name (at index " + i
            + ")");
      }
    }
    return h;
  }

  /**
   * Returns a proxy user or password when Basic authentication can carry it.
   *
   * @param value the value
   * @param what the setting, for messages (never the value)
   * @param isUser whether it is the user, which cannot hold {@code :}
   * @return the value
   */
  public static String requireCredential(String value, String what, boolean isUser) {
    if (value.length() > MAX_CREDENTIAL_LENGTH) {
      throw new IllegalArgumentException(what + " is longer than " + MAX_CREDENTIAL_LENGTH + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
        throw new IllegalArgumentException(what + " has a control character (at index " + i + ")");
      }
      if (isUser && c == ':') {
        throw new IllegalArgumentException(what + " cannot hold ':' (Basic authentication separates user and "
            + "password with it)");
      }
    }
    return value;
  }

  private static String decode(String text, String source, String what) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder plain = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '%') {
        plain.append(c);
        continue;
      }
      if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
          || Character.digit(text.charAt(i + 2), 16) < 0) {
        throw new IllegalArgumentException(source + ": the proxy " + what + " has a malformed %-escape (at index "
            + i + ")");
      }
      flush(plain, out);
      out.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
      i += 2;
    }
    flush(plain, out);
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  private static void flush(StringBuilder plain, ByteArrayOutputStream out) {
    byte[] bytes = plain.toString().getBytes(StandardCharsets.UTF_8);
    out.write(bytes, 0, bytes.length);
    plain.setLength(0);
  }

  private static int indexOfAny(String s, String chars, int from) {
    for (int i = from; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }
}
