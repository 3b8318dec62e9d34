// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.config.HttpConfiguration;
import io.sfsturbo.jobs.config.ProxyConfiguration;
import io.sfsturbo.jobs.testing.Envs;
import io.sfsturbo.jobs.testing.SecretAssertions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Authenticator;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** Which route a client takes for which URL, from the configuration or the environment as curl reads it. */
class NetworkSetupTest {
  private static final URI SERVICE = URI.create("https://sfs-turbo.eu-de.otc.t-systems.com/v1/p/sfs-turbo/jobs/j");

  private static OkHttpClient client(ProxyConfiguration proxy, Map<String, String> env) {
    OkHttpClient.Builder b = new OkHttpClient.Builder();
    NetworkSetup.apply(b, HttpConfiguration.builder().proxy(proxy).build(), Envs.of(env));
    return b.build();
  }

  private static String route(OkHttpClient c, URI uri) {
    List<Proxy> p = c.proxy() != null ? List.of(c.proxy()) : c.proxySelector().select(uri);
    assertEquals(1, p.size(), p.toString());
    if (p.get(0).type() == Proxy.Type.DIRECT) {
      return "direct";
    }
    InetSocketAddress a = (InetSocketAddress) p.get(0).address();
    return a.getHostString() + ":" + a.getPort();
  }

  private static String envRoute(Map<String, String> env, URI uri) {
    return route(client(ProxyConfiguration.fromEnvironment(), env), uri);
  }

  @Test
  void httpsProxyVariablesFollowCurlsOrder() {
    Map<String, String> env = new HashMap<>();
    env.put("ALL_PROXY", "http://all-upper:1");
    assertEquals("all-upper:1", envRoute(env, SERVICE));
    env.put("all_proxy", "http://all-lower:2");
    assertEquals("all-lower:2", envRoute(env, SERVICE), "lower case first");
    env.put("HTTPS_PROXY", "http://https-upper:3");
    assertEquals("https-upper:3", envRoute(env, SERVICE), "the scheme's own variable before ALL_PROXY");
    env.put("https_proxy", "http://https-lower:4");
    assertEquals("https-lower:4", envRoute(env, SERVICE));
  }

  @Test
  void noVariableMeansDirectAndHttpProxyNeverAppliesToHttps() {
    Map<String, String> env = new HashMap<>();
    assertEquals("direct", envRoute(env, SERVICE));
    env.put("http_proxy", "http://plain:1");
    env.put("HTTP_PROXY", "http://plain:2");
    assertEquals("direct", envRoute(env, SERVICE));
    env.put("https_proxy", "   ");
    assertEquals("direct", envRoute(env, SERVICE), "a blank variable is unset");
  }

  @Test
  void plainHttpIsAlwaysDirectWhateverTheProxy() {
    Map<String, String> env = Map.of("https_proxy", "http://p:1", "all_proxy", "http://p:2");
    assertEquals("direct", envRoute(env, URI.create("http://127.0.0.1:8080/")));
    OkHttpClient explicit = client(ProxyConfiguration.builder().host("p").port(3).build(), Map.of());
    assertEquals("direct", route(explicit, URI.create("http://localhost:8080/")));
    assertEquals("p:3", route(explicit, SERVICE));
    OkHttpClient jvm = client(ProxyConfiguration.jvmDefault(), Map.of());
    assertEquals("direct", route(jvm, URI.create("http://localhost:8080/")));
  }

  @Test
  void noProxyLowerCaseFirstThenUpperCase() {
    Map<String, String> env = new HashMap<>();
    env.put("HTTPS_PROXY", "http://proxy:3128");
    env.put("NO_PROXY", ".t-systems.com");
    assertEquals("direct", envRoute(env, SERVICE));
    env.put("no_proxy", "other.example");
    assertEquals("proxy:3128", envRoute(env, SERVICE), "no_proxy wins over NO_PROXY");
    env.put("no_proxy", "*");
    assertEquals("direct", envRoute(env, SERVICE));
  }

  @Test
  void anExplicitProxyHasItsOwnExemptionsAndNoneMeansDirect() {
    OkHttpClient c = client(ProxyConfiguration.builder().host("p").port(3).nonProxyHosts("otc.t-systems.com")
        .build(), Map.of("https_proxy", "http://env:1"));
    assertEquals("direct", route(c, SERVICE));
    assertEquals("p:3", route(c, URI.create("https://iam.example.com/v3/auth/tokens")));
    assertEquals("direct", route(client(ProxyConfiguration.none(), Map.of("https_proxy", "http://env:1")), SERVICE));
  }

  @Test
  void proxyCredentialsInstallAnAuthenticatorAndNoCredentialsNone() {
    assertTrue(client(ProxyConfiguration.fromEnvironment(), Map.of("https_proxy", "http://u:p@proxy:1"))
        .proxyAuthenticator() instanceof ProxyAnswer);
    assertSame(Authenticator.NONE, client(ProxyConfiguration.fromEnvironment(), Map.of("https_proxy",
        "http://proxy:1")).proxyAuthenticator());
  }

  @Test
  void aBadVariableFailsNamingItAndNeverShowingItsPassword() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> client(
        ProxyConfiguration.fromEnvironment(), Map.of("ALL_PROXY", "socks5h://u:" + SecretAssertions.CANARY + "@p:1")));
    assertTrue(e.getMessage().startsWith("ALL_PROXY: "), e.getMessage());
    SecretAssertions.assertNoPartOf(SecretAssertions.CANARY, e);
  }

  @Test
  void aCaBundleVariableIsReadAndItsFaultsNameIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> client(ProxyConfiguration.jvmDefault(), Map.of("SFSTURBO_CA_BUNDLE", "/no/such/bundle.pem")));
    assertEquals("SFSTURBO_CA_BUNDLE: /no/such/bundle.pem no such file (a CA bundle is a PEM file of certificates)",
        e.getMessage());
  }

  @Test
  void withoutABundleTheJvmsTrustStays() {
    OkHttpClient plain = new OkHttpClient();
    OkHttpClient c = client(ProxyConfiguration.jvmDefault(), Map.of());
    assertNotNull(c.x509TrustManager());
    assertEquals(plain.x509TrustManager().getAcceptedIssuers().length, c.x509TrustManager().getAcceptedIssuers().length);
    assertNull(HttpConfiguration.defaults().caBundle());
  }

  @Test
  void anApplicationClientsSelectorIsAskedButPlainHttpStaysDirectAndItsFixedProxyIsKept() {
    Proxy app = new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("app-proxy", 8080));
    OkHttpClient shared = new OkHttpClient.Builder().proxySelector(new ProxySelector() {
      @Override
      public List<Proxy> select(URI uri) {
        return List.of(app);
      }

      @Override
      public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
    }).build();
    OkHttpClient.Builder b = shared.newBuilder();
    NetworkSetup.apply(b, HttpConfiguration.builder().httpClient(shared).build(), Envs.of(Map.of()));
    OkHttpClient c = b.build();
    assertEquals("app-proxy:8080", route(c, SERVICE));
    assertEquals("direct", route(c, URI.create("http://127.0.0.1:8080/")));
    OkHttpClient fixed = shared.newBuilder().proxy(app).build();
    OkHttpClient.Builder f = fixed.newBuilder();
    NetworkSetup.apply(f, HttpConfiguration.builder().httpClient(fixed).build(), Envs.of(Map.of()));
    assertSame(app, f.build().proxy(), "the application's own proxy, as it set it");
  }
}
