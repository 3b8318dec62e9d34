// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sfsturbo.jobs.internal.NoProxyRules;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each connection's route: plain http and NO_PROXY hosts direct, else the proxy or the other selector's answer. */
class ProxyRoutesTest {
  private static final URI SERVICE = URI.create("https://sfs-turbo.example.com/v1/p/sfs-turbo/jobs/j");
  private static final URI INTERNAL = URI.create("https://api.internal.example.org/v1");
  private static final URI PLAIN = URI.create("http://sfs-turbo.example.com/v1");
  private static final Proxy CORPORATE = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("corp", 3128));
  private static final Proxy OTHER = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("other", 8080));
  private static final NoProxyRules NO_PROXY = NoProxyRules.parse("internal.example.org");

  /** Another selector (the JVM's): answers what it is given to, and remembers the failures it hears. */
  static final class Selector extends ProxySelector {
    final List<Proxy> answer;
    final List<String> failures = new ArrayList<>();

    Selector(List<Proxy> answer) {
      this.answer = answer;
    }

    @Override
    public List<Proxy> select(URI uri) {
      return answer;
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException e) {
      failures.add(uri + " " + e.getMessage());
    }
  }

  @Test
  void plainHttpAndNoProxyHostsGoDirectElseTheProxy() {
    Selector jvm = new Selector(List.of(OTHER));
    ProxyRoutes routes = new ProxyRoutes(CORPORATE, NO_PROXY, jvm);
    assertEquals(List.of(CORPORATE), routes.select(SERVICE));
    assertEquals(List.of(Proxy.NO_PROXY), routes.select(PLAIN));
    assertEquals(List.of(Proxy.NO_PROXY), routes.select(INTERNAL));
    assertEquals(List.of(CORPORATE), routes.select(URI.create("HTTPS://sfs-turbo.example.com/")), "any case");
  }

  @Test
  void withoutAProxyTheOtherSelectorDecidesAndNothingMeansDirect() {
    assertEquals(List.of(OTHER), new ProxyRoutes(null, NO_PROXY, new Selector(List.of(OTHER))).select(SERVICE));
    assertEquals(List.of(Proxy.NO_PROXY), new ProxyRoutes(null, NO_PROXY, new Selector(List.of(OTHER)))
        .select(PLAIN), "plain http direct whatever the JVM says");
    assertEquals(List.of(Proxy.NO_PROXY), new ProxyRoutes(null, NO_PROXY, new Selector(List.of(OTHER)))
        .select(INTERNAL));
    assertEquals(List.of(Proxy.NO_PROXY), new ProxyRoutes(null, NO_PROXY, new Selector(List.of())).select(SERVICE));
    assertEquals(List.of(Proxy.NO_PROXY), new ProxyRoutes(null, NO_PROXY, new Selector(null)).select(SERVICE));
  }

  @Test
  void aFailedConnectionIsForwardedOnlyWhenTheOtherSelectorChose() {
    IOException refused = new IOException("refused");
    Selector jvm = new Selector(List.of(OTHER));
    new ProxyRoutes(CORPORATE, NO_PROXY, jvm).connectFailed(SERVICE, OTHER.address(), refused);
    assertEquals(List.of(), jvm.failures, "the configured proxy is not the JVM's to learn from");
    new ProxyRoutes(null, NO_PROXY, jvm).connectFailed(SERVICE, OTHER.address(), refused);
    assertEquals(List.of(SERVICE + " refused"), jvm.failures);
  }
}
