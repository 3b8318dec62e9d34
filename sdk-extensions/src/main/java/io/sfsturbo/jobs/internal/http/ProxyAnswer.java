// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import okhttp3.Authenticator;
import okhttp3.Challenge;
import okhttp3.Credentials;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the configured proxy's {@code 407} with its Basic credentials, once: never another host (the
 * credentials are the proxy's, not the service's), never preemptively (a proxy that asks for none gets none),
 * never twice (a refused answer would be refused again).
 */
final class ProxyAnswer implements Authenticator {
  private static final Logger WIRE = LoggerFactory.getLogger(WireLog.LOGGER);

  private final String host;
  private final int port;
  private final String authorization;

  ProxyAnswer(String host, int port, String username, String password) {
    this.host = host;
    this.port = port;
    this.authorization = Credentials.basic(username, password == null ? "" : password, StandardCharsets.UTF_8);
  }

  @Override
  public Request authenticate(Route route, Response response) {
    if (route == null || route.proxy().type() != Proxy.Type.HTTP || !isTheProxy(route.proxy())) {
      return null;
    }
    boolean basic = false;
    boolean preemptive = false;
    for (Challenge c : response.challenges()) {
      basic |= c.scheme().equalsIgnoreCase("Basic");
      preemptive |= c.scheme().equalsIgnoreCase("OkHttp-Preemptive");
    }
    if (preemptive) {
      return null;
    }
    String where = "proxy " + host + ":" + port;
    if (response.request().header("Proxy-Authorization") != null) {
      WIRE.debug("{} refused its credentials (407 again); not sending them again", where);
      return null;
    }
    if (!basic) {
      WIRE.debug("{} asked for credentials (407) without a Basic challenge; only Basic is answered", where);
      return null;
    }
    WIRE.debug("{} asked for credentials (407, Basic); answering with the proxy's user and password", where);
    return response.request().newBuilder().header("Proxy-Authorization", authorization).build();
  }

  private boolean isTheProxy(Proxy proxy) {
    if (!(proxy.address() instanceof InetSocketAddress)) {
      return false;
    }
    InetSocketAddress a = (InetSocketAddress) proxy.address();
    return a.getPort() == port && a.getHostString().equalsIgnoreCase(host);
  }

  @Override
  public String toString() {
    return "ProxyAnswer{" + host + ":" + port + '}';
  }
}
