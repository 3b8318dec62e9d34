// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import io.sfsturbo.jobs.internal.NoProxyRules;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.Collections;
import java.util.List;

/**
 * Chooses each connection's route: plain http always directly (it is allowed only to a loopback address, and a
 * proxy would read the credentials it carries in clear); a host of the {@code NO_PROXY} list directly; else the
 * configured proxy, or what another selector (the JVM's) says. A proxy that cannot be reached fails the call:
 * there is never a silent fallback to a direct connection.
 */
final class ProxyRoutes extends ProxySelector {
  private static final List<Proxy> DIRECT = Collections.singletonList(Proxy.NO_PROXY);

  private final List<Proxy> proxy;
  private final NoProxyRules direct;
  private final ProxySelector delegate;

  /**
   * Routes through a proxy, or another selector.
   *
   * @param proxy the proxy, or null to ask the delegate
   * @param direct the hosts reached directly
   * @param delegate the selector asked when no proxy is given; null for the JVM's default, asked each time
   */
  ProxyRoutes(Proxy proxy, NoProxyRules direct, ProxySelector delegate) {
    this.proxy = proxy == null ? null : Collections.singletonList(proxy);
    this.direct = direct;
    this.delegate = delegate;
  }

  @Override
  public List<Proxy> select(URI uri) {
    if (!"https".equalsIgnoreCase(uri.getScheme()) || direct.matches(uri.getHost())) {
      return DIRECT;
    }
    if (proxy != null) {
      return proxy;
    }
    ProxySelector jvm = delegate != null ? delegate : ProxySelector.getDefault();
    List<Proxy> chosen = jvm == null ? null : jvm.select(uri);
    return chosen == null || chosen.isEmpty() ? DIRECT : chosen;
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException e) {
    ProxySelector jvm = delegate != null ? delegate : ProxySelector.getDefault();
    if (proxy == null && jvm != null) {
      jvm.connectFailed(uri, address, e);
    }
  }
}
