// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import io.sfsturbo.jobs.text.SafeText;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads {@code --endpoint}: an {@code https://} (or, with {@code --insecure-http}, {@code http://}) URL with a
 * host, without user info, query or fragment. What people type instead, {@code localhost:18080} or
 * {@code 127.0.0.1:18080}, gets the URL they meant as the hint, rather than a {@link URISyntaxException} or a
 * "scheme" named {@code localhost}.
 *
 * <p>The value is never echoed whole: its user info could be a password. Only a plain host and port are repeated.
 */
final class EndpointConverter implements CommandLine.ITypeConverter<URI> {
  private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9.-]+)(:\\d{1,5})?/?");

  @Override
  public URI convert(String value) {
    String text = value.trim();
    if (!text.contains("://")) {
      throw new CommandLine.TypeConversionException("add a scheme, for example " + example(text));
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new CommandLine.TypeConversionException("not a URL: " + SafeText.capped(e.getReason(), 100)
          + " at index " + e.getIndex());
    }
    if (uri.getRawUserInfo() != null || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
      throw new CommandLine.TypeConversionException("must not hold user:password@; credentials come from the "
          + "environment, the credentials profile or --token-file");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new CommandLine.TypeConversionException("use https:// (or http:// with --insecure-http for a local "
          + "emulator), not '" + SafeText.capped(scheme, 20) + "://'");
    }
    if (uri.getHost() == null) {
      throw new CommandLine.TypeConversionException("no host; for example https://sfs-turbo.eu-de.otc.t-systems.com");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new CommandLine.TypeConversionException("must not have a query (?...) or a fragment (#...)");
    }
    return uri;
  }

  /** The URL a scheme-less {@code host:port} most likely meant; plain http only where the CLI allows it. */
  private static String example(String text) {
    Matcher m = HOST_PORT.matcher(text);
    if (!m.matches()) {
      return "https://sfs-turbo.eu-de.otc.t-systems.com, or http://localhost:8080 with --insecure-http";
    }
    String hostPort = m.group(1) + (m.group(2) == null ? "" : m.group(2));
    return Endpoints.isLoopback(m.group(1)) ? "http://" + hostPort + " with --insecure-http" : "https://" + hostPort;
  }
}
