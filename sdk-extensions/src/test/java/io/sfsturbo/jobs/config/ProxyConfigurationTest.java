// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.testing.SecretAssertions;
import org.junit.jupiter.api.Test;

/** Proxy URLs as curl takes them; messages name the variable and never show the password. */
class ProxyConfigurationTest {
  private static final String SECRET = SecretAssertions.CANARY;

  @Test
  void aFullUrlGivesHostPortAndDecodedCredentials() {
    ProxyConfiguration p = ProxyConfiguration.parse("http://alice:p%40ss%3Aw0rd@proxy.example.com:3128/", "HTTPS_PROXY");
    assertEquals(ProxyConfiguration.Kind.HTTP, p.kind());
    assertEquals("proxy.example.com", p.host());
    assertEquals(3128, p.port());
    assertEquals("alice", p.username());
    assertEquals("p@ss:w0rd", p.password());
  }

  @Test
  void schemeAndPortMayBeLeftOutAsWithCurl() {
    ProxyConfiguration p = ProxyConfiguration.parse("proxy.example.com", "HTTPS_PROXY");
    assertEquals(1080, p.port(), "curl's default proxy port");
    assertNull(p.username());
    assertEquals(8080, ProxyConfiguration.parse("HTTP://10.0.0.1:8080", "x").port());
    ProxyConfiguration v6 = ProxyConfiguration.parse("http://[::1]:3128", "x");
    assertEquals("::1", v6.host());
    assertEquals(3128, v6.port());
  }

  @Test
  void aPasswordWithUnescapedDelimitersStillEndsAtTheLastAt() {
    ProxyConfiguration p = ProxyConfiguration.parse("http://bob:a/b?c#d@proxy:3128", "x");
    assertEquals("a/b?c#d", p.password());
    assertEquals("proxy", p.host());
  }

  @Test
  void badUrlsAreRefusedNamingTheVariableAndNeverShowingThePassword() {
    String[][] cases = {
        {"socks5://u:" + SECRET + "@proxy:1080", "scheme 'socks5' is not supported"},
        {"https://u:" + SECRET + "@proxy:443", "scheme 'https' is not supported"},
        {"http://u:" + SECRET + "@proxy:99999", "port must be a number from 1 to 65535"},
        {"http://u:" + SECRET + "@proxy:0", "port must be a number from 1 to 65535"},
        {"http://u:" + SECRET + "@proxy:80/path", "no path, query or fragment"},
        {"http://u:" + SECRET + "@pro xy:80", "cannot be in a host name"},
        {"http://u:" + SECRET + "@:80", "host name or an IP address"},
        {"http://u:" + SECRET + "%zz@proxy:80", "malformed %-escape"},
        {"http://u:" + SECRET + "%0a@proxy:80", "control character"},
        {"http://u:" + SECRET + "@[::1:80", "closing ']'"},
        {"   ", "empty"}};
    for (String[] c : cases) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> ProxyConfiguration.parse(c[0], "HTTPS_PROXY"), c[0]);
      assertTrue(e.getMessage().startsWith("HTTPS_PROXY: "), e.getMessage());
      assertTrue(e.getMessage().contains(c[1]), e.getMessage());
      SecretAssertions.assertNoPartOf(SECRET, e);
    }
  }

  @Test
  void toStringMasksThePasswordAndEqualityHoldsTheWholeValue() {
    ProxyConfiguration p = ProxyConfiguration.builder().host("proxy").port(3128).username("alice").password(SECRET)
        .nonProxyHosts(".internal").build();
    assertEquals("ProxyConfiguration{http://alice:****@proxy:3128, nonProxyHosts=.internal}", p.toString());
    assertFalse(p.toString().contains(SECRET));
    assertEquals(p, ProxyConfiguration.builder().host("proxy").port(3128).username("alice").password(SECRET)
        .nonProxyHosts(".internal").build());
    assertEquals(p.hashCode(), ProxyConfiguration.builder().host("proxy").port(3128).username("alice")
        .password(SECRET).nonProxyHosts(".internal").build().hashCode());
    assertFalse(p.equals(ProxyConfiguration.builder().host("proxy").port(3128).username("alice").password("other")
        .nonProxyHosts(".internal").build()));
    assertEquals("ProxyConfiguration{ENVIRONMENT}", ProxyConfiguration.fromEnvironment().toString());
  }

  @Test
  void theBuilderRefusesIncompleteOrImpossibleProxies() {
    assertThrows(IllegalArgumentException.class, () -> ProxyConfiguration.builder().host("p").build());
    assertThrows(IllegalArgumentException.class, () -> ProxyConfiguration.builder().port(1).build());
    assertThrows(IllegalArgumentException.class,
        () -> ProxyConfiguration.builder().host("p").port(1).password("x").build());
    assertThrows(IllegalArgumentException.class, () -> ProxyConfiguration.builder().username("a:b"));
    assertThrows(IllegalArgumentException.class, () -> ProxyConfiguration.builder().port(65536));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ProxyConfiguration.builder().password(SECRET + "\r\n"));
    SecretAssertions.assertNoPartOf(SECRET, e);
  }

  @Test
  void httpConfigurationDefaultsToTheJvmsSelectorAndShowsNoPassword() {
    assertEquals(ProxyConfiguration.jvmDefault(), HttpConfiguration.defaults().proxy());
    HttpConfiguration h = HttpConfiguration.builder().proxy(ProxyConfiguration.builder().host("p").port(1)
        .username("u").password(SECRET).build()).build();
    assertFalse(h.toString().contains(SECRET), h.toString());
    assertEquals(h, h.toBuilder().build());
  }
}
