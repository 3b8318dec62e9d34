// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.util.List;
import javax.net.SocketFactory;
import okhttp3.Address;
import okhttp3.Authenticator;
import okhttp3.ConnectionSpec;
import okhttp3.Dns;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.Route;
import org.junit.jupiter.api.Test;

/** The proxy's credentials answer that proxy's Basic 407, once, and nothing else. */
class ProxyAnswerTest {
  private final ProxyAnswer answer = new ProxyAnswer("proxy", 3128, "alice", "s3cret");

  private static Route route(Proxy proxy) {
    Address address = new Address("sfs-turbo.example.com", 443, Dns.SYSTEM, SocketFactory.getDefault(), null, null,
        null, Authenticator.NONE, proxy, List.of(Protocol.HTTP_1_1), List.of(ConnectionSpec.MODERN_TLS),
        ProxySelector.getDefault());
    return new Route(address, proxy, InetSocketAddress.createUnresolved("proxy", 3128));
  }

  private static Proxy http(String host, int port) {
    return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
  }

  private static Response challenge(String authenticate, Request request) {
    return new Response.Builder().request(request).protocol(Protocol.HTTP_1_1).code(407).message("Proxy Auth")
        .header("Proxy-Authenticate", authenticate).build();
  }

  private static Request connect() {
    return new Request.Builder().url("https://sfs-turbo.example.com/").method("CONNECT", null).build();
  }

  @Test
  void answersTheProxysBasicChallengeWithItsCredentials() throws Exception {
    Request next = answer.authenticate(route(http("proxy", 3128)), challenge("Basic realm=\"corp\"", connect()));
    assertEquals("Basic YWxpY2U6czNjcmV0", next.header("Proxy-Authorization"));
    assertNull(next.header("Authorization"), "never the service's header");
  }

  @Test
  void neverAnswersPreemptivelyTwiceAnotherProxyOrAnotherScheme() throws Exception {
    assertNull(answer.authenticate(route(http("proxy", 3128)), challenge("OkHttp-Preemptive", connect())));
    Request answered = connect().newBuilder().header("Proxy-Authorization", "Basic x").build();
    assertNull(answer.authenticate(route(http("proxy", 3128)), challenge("Basic realm=x", answered)));
    assertNull(answer.authenticate(route(http("elsewhere", 3128)), challenge("Basic realm=x", connect())));
    assertNull(answer.authenticate(route(http("proxy", 3129)), challenge("Basic realm=x", connect())));
    assertNull(answer.authenticate(route(Proxy.NO_PROXY), challenge("Basic realm=x", connect())));
    assertNull(answer.authenticate(route(http("proxy", 3128)), challenge("Negotiate", connect())));
    assertNull(answer.authenticate(null, challenge("Basic realm=x", connect())));
  }

  @Test
  void aPreemptiveProbeIsNeverAnsweredEvenBesideABasicChallenge() throws Exception {
    Response both = new Response.Builder().request(connect()).protocol(Protocol.HTTP_1_1).code(407)
        .message("Proxy Auth").header("Proxy-Authenticate", "OkHttp-Preemptive")
        .addHeader("Proxy-Authenticate", "Basic realm=x").build();
    assertNull(answer.authenticate(route(http("proxy", 3128)), both));
    Response basicFirst = new Response.Builder().request(connect()).protocol(Protocol.HTTP_1_1).code(407)
        .message("Proxy Auth").header("Proxy-Authenticate", "Basic realm=x")
        .addHeader("Proxy-Authenticate", "OkHttp-Preemptive").build();
    assertNull(answer.authenticate(route(http("proxy", 3128)), basicFirst));
  }

  @Test
  void itsTextNamesTheProxyNeverTheCredentials() {
    assertEquals("ProxyAnswer{proxy:3128}", answer.toString());
  }
}
