// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import io.sfsturbo.jobs.config.CaBundle;
import io.sfsturbo.jobs.config.Environment;
import io.sfsturbo.jobs.config.HttpConfiguration;
import io.sfsturbo.jobs.config.ProxyConfiguration;
import io.sfsturbo.jobs.internal.NoProxyRules;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.file.InvalidPathException;
import java.nio.file.Paths;
import okhttp3.OkHttpClient;

/**
 * Applies a client's network settings to its HTTP client: the route to the service (proxy, {@code NO_PROXY},
 * the answer to a proxy's 407) and the trusted roots (a CA bundle), from the configuration or, where it says
 * so, the environment. Every value is checked here, when the client is built, in the words of the variable
 * that carried it: a wrong proxy URL or CA bundle fails before any request.
 */
public final class NetworkSetup {
  /** The variable naming a CA bundle (PEM) trusted instead of the JVM's roots. */
  public static final String ENV_CA_BUNDLE = "SFSTURBO_CA_BUNDLE";
  /** curl's order for an https URL: the lower-case name first, then the upper-case, then the catch-all. */
  static final String[] HTTPS_PROXY_VARIABLES = {"https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"};
  static final String[] NO_PROXY_VARIABLES = {"no_proxy", "NO_PROXY"};

  private NetworkSetup() {}

  /**
   * Sets the route and trust of a client.
   *
   * @param http the builder of the client (an application's client's, or the SDK's own)
   * @param config the HTTP configuration
   * @param env where {@link ProxyConfiguration#fromEnvironment()} and {@link #ENV_CA_BUNDLE} are read
   * @throws IllegalArgumentException naming the setting or variable whose value is wrong
   */
  public static void apply(OkHttpClient.Builder http, HttpConfiguration config, Environment env) {
    ProxyConfiguration proxy = config.proxy();
    switch (proxy.kind()) {
      case NONE:
        http.proxy(Proxy.NO_PROXY);
        break;
      case HTTP:
        route(http, proxy, NoProxyRules.parse(proxy.nonProxyHosts()));
        break;
      case ENVIRONMENT:
        fromEnvironment(http, env);
        break;
      default:
        OkHttpClient shared = config.httpClient();
        if (shared == null || shared.proxy() == null) {
          // The JVM's (or the application client's) selector, but plain http always direct.
          http.proxySelector(new ProxyRoutes(null, NoProxyRules.parse(null), shared == null ? null
              : shared.proxySelector()));
        }
    }
    CaBundle bundle = config.caBundle();
    if (bundle == null && config.httpClient() == null) {
      bundle = caBundleFrom(env);
    }
    if (bundle != null) {
      TrustedRoots.apply(http, bundle);
    }
  }

  private static void fromEnvironment(OkHttpClient.Builder http, Environment env) {
    for (String name : HTTPS_PROXY_VARIABLES) {
      String value = env.variable(name);
      if (value != null) {
        route(http, ProxyConfiguration.parse(value, name), NoProxyRules.parse(first(env, NO_PROXY_VARIABLES)));
        return;
      }
    }
    http.proxy(Proxy.NO_PROXY);
  }

  private static void route(OkHttpClient.Builder http, ProxyConfiguration p, NoProxyRules direct) {
    Proxy proxy = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(p.host(), p.port()));
    http.proxy(null).proxySelector(new ProxyRoutes(proxy, direct, null));
    if (p.username() != null) {
      http.proxyAuthenticator(new ProxyAnswer(p.host(), p.port(), p.username(), p.password()));
    }
  }

  private static CaBundle caBundleFrom(Environment env) {
    String file = env.variable(ENV_CA_BUNDLE);
    if (file == null) {
      return null;
    }
    try {
      return CaBundle.fromPemFile(Paths.get(file.trim()), ENV_CA_BUNDLE);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(ENV_CA_BUNDLE + ": not a valid path (" + e.getReason() + ")", null);
    }
  }

  private static String first(Environment env, String[] names) {
    for (String name : names) {
      String value = env.variable(name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
