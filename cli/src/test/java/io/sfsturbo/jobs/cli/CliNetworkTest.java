// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.testsupport.ConnectProxy;
import io.sfsturbo.jobs.testsupport.TlsFixtures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's network options against an HTTPS service with a self-signed root: the proxy variables (as curl
 * reads them) or {@code --proxy}, {@code --no-proxy}, {@code --ca-bundle} or {@code SFSTURBO_CA_BUNDLE}, and
 * {@code --debug}'s wire log; a bad value is a setup error (exit 2) naming the flag or variable.
 */
@Timeout(120)
class CliNetworkTest {
  static final String TOKEN = "cli-net-token-3d4e";
  static final String PROXY_PASSWORD = "cli-proxy-pass-7c8d";

  @TempDir
  Path dir;
  final TlsFixtures tls = TlsFixtures.create();
  MockWebServer service;
  Path bundle;
  CliRun cli;

  @BeforeEach
  void start() throws Exception {
    service = new MockWebServer();
    tls.serveHttps(service);
    service.start();
    bundle = tls.writeCaBundle(dir);
    cli = new CliRun(dir);
    cli.env.put("SFSTURBO_AUTH_TOKEN", TOKEN);
    cli.env.put("HUAWEICLOUD_SDK_PROJECT_ID", "proj-1");
  }

  @AfterEach
  void stop() {
    service.close();
  }

  private void enqueueJob() {
    service.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("X-Request-Id", "rid-cli").body("{\"job_id\":\"j\",\"status\":\"success\",\"job_type\":\"t\"}")
        .build());
  }

  private String endpoint() {
    return "https://localhost:" + service.getPort();
  }

  @Test
  void httpsProxyWithCredentialsWorksThroughARealConnectProxyAndTheWireLogShowsNoSecret() throws Exception {
    try (ConnectProxy proxy = ConnectProxy.start("user", PROXY_PASSWORD)) {
      enqueueJob();
      Map<String, String> env = new HashMap<>();
      env.put("HTTPS_PROXY", "http://user:" + PROXY_PASSWORD + "@127.0.0.1:" + proxy.port());
      env.put("SFSTURBO_CA_BUNDLE", bundle.toString());
      env.put("SFSTURBO_AUTH_TOKEN", TOKEN);
      env.put("HUAWEICLOUD_SDK_PROJECT_ID", "proj-1");
      // Blank is unset: whatever proxy settings the machine has, only HTTPS_PROXY applies.
      env.put("https_proxy", "");
      env.put("NO_PROXY", "");
      env.put("no_proxy", "");
      ChildProcess.Result r = ChildProcess.run(dir, env, "show", "j", "--endpoint", endpoint(), "--debug");
      assertEquals(0, r.code, r.toString());
      assertTrue(r.out.contains("success"), r.toString());
      String auth = "Basic " + Base64.getEncoder().encodeToString(("user:" + PROXY_PASSWORD)
          .getBytes(StandardCharsets.UTF_8));
      List<String> heads = proxy.requestHeads();
      assertEquals(2, heads.size(), heads.toString());
      assertTrue(heads.get(1).contains("Proxy-Authorization: " + auth), heads.toString());
      assertEquals(1, proxy.tunnels());
      assertFalse(String.join("\n", heads).contains(TOKEN) || proxy.tunnelledBytes().contains(TOKEN));
      RecordedRequest served = service.takeRequest(5, TimeUnit.SECONDS);
      assertEquals(TOKEN, served.getHeaders().get("X-Auth-Token"));
      assertEquals(null, served.getHeaders().get("Proxy-Authorization"));
      // The wire log: the exchange, the proxy's challenge, and no secret.
      assertTrue(r.err.contains("DEBUG io.sfsturbo.jobs.wire - GET " + endpoint() + "/v1/proj-1/sfs-turbo/jobs/j -> 200 "
          + "(request id rid-cli) in "), r.toString());
      assertTrue(r.err.contains("> X-Auth-Token: [redacted]"), r.toString());
      assertTrue(r.err.contains("< body ("), r.toString());
      assertTrue(r.err.contains("asked for credentials (407, Basic)"), r.toString());
      assertFalse(r.err.contains(TOKEN) || r.err.contains(PROXY_PASSWORD), r.toString());
      assertFalse(r.err.contains("io.sfsturbo.jobs.http"), "--debug is the wire log, not --verbose's lines\n" + r);
    }
  }

  @Test
  void theProxyFlagAndNoProxyAndTheVariablesDecideTheRoute() throws Exception {
    try (ConnectProxy proxy = ConnectProxy.start(null, null)) {
      cli.env.put("https_proxy", proxy.url());
      enqueueJob();
      assertEquals(0, cli.run("show", "j", "--endpoint", endpoint(), "--ca-bundle", bundle.toString()), cli.err());
      assertEquals(1, proxy.tunnels(), "the environment's proxy by default");
      enqueueJob();
      assertEquals(0, cli.run("show", "j", "--endpoint", endpoint(), "--ca-bundle", bundle.toString(), "--no-proxy"),
          cli.err());
      assertEquals(1, proxy.tunnels(), "--no-proxy: direct");
      cli.env.remove("https_proxy");
      enqueueJob();
      assertEquals(0, cli.run("show", "j", "--endpoint", endpoint(), "--ca-bundle", bundle.toString(), "--proxy",
          proxy.url()), cli.err());
      assertEquals(2, proxy.tunnels(), "--proxy without any variable");
      cli.env.put("NO_PROXY", "localhost");
      enqueueJob();
      assertEquals(0, cli.run("show", "j", "--endpoint", endpoint(), "--ca-bundle", bundle.toString(), "--proxy",
          proxy.url()), cli.err());
      assertEquals(2, proxy.tunnels(), "NO_PROXY exempts its hosts from --proxy too, as with curl -x");
    }
  }

  @Test
  void withoutTheBundleTheSelfSignedServiceIsRefusedAndNothingIsSent() {
    assertEquals(ExitCodes.ERROR, cli.run("show", "j", "--endpoint", endpoint()), cli.err());
    assertTrue(cli.err().contains("SSLHandshakeException"), cli.err());
    assertEquals(0, service.getRequestCount());
    enqueueJob();
    cli.env.put("SFSTURBO_CA_BUNDLE", bundle.toString());
    assertEquals(0, cli.run("show", "j", "--endpoint", endpoint()), cli.err());
  }

  @Test
  void badNetworkSettingsAreSetupErrorsNamingTheFlagOrVariableAndNoPassword() throws Exception {
    Object[][] cases = {
        {Map.of("HTTPS_PROXY", "socks5://u:" + PROXY_PASSWORD + "@127.0.0.1:1"), new String[0],
            "error: HTTPS_PROXY: the proxy scheme 'socks5' is not supported"},
        {Map.of(), new String[] {"--proxy", "http://u:" + PROXY_PASSWORD + "@127.0.0.1:99999"},
            "error: --proxy: the proxy port must be a number from 1 to 65535"},
        {Map.of(), new String[] {"--proxy", "http://127.0.0.1:1", "--no-proxy"},
            "error: --proxy and --no-proxy exclude each other"},
        {Map.of(), new String[] {"--ca-bundle", dir.resolve("missing.pem").toString()},
            "error: --ca-bundle: " + dir.resolve("missing.pem") + " no such file"},
        {Map.of("SFSTURBO_CA_BUNDLE", dir.toString()), new String[0],
            "error: SFSTURBO_CA_BUNDLE: " + dir + " is a directory"},
        {Map.of(), new String[] {"--ca-bundle", java.nio.file.Files.writeString(dir.resolve("garbage.pem"), "hello")
            .toString()}, "holds no PEM certificate"}};
    for (Object[] c : cases) {
      CliRun run = new CliRun(dir);
      run.env.putAll(cli.env);
      @SuppressWarnings("unchecked")
      Map<String, String> env = (Map<String, String>) c[0];
      run.env.putAll(env);
      List<String> args = new java.util.ArrayList<>(List.of("show", "j", "--endpoint", endpoint()));
      args.addAll(List.of((String[]) c[1]));
      assertEquals(ExitCodes.USAGE, run.run(args.toArray(new String[0])), run.err());
      assertTrue(run.err().startsWith((String) c[2]) || run.err().contains((String) c[2]), run.err());
      assertFalse(run.err().contains(PROXY_PASSWORD), run.err());
    }
    assertEquals(0, service.getRequestCount(), "nothing was sent");
  }
}
