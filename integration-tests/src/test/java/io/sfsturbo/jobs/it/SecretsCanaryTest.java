// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.it;

import static io.sfsturbo.jobs.it.MockService.error;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.auth.AkSkCredentials;
import io.sfsturbo.jobs.auth.Credentials;
import io.sfsturbo.jobs.auth.IamPasswordCredentials;
import mockwebserver3.MockWebServer;
import io.sfsturbo.jobs.auth.TokenCredentials;
import io.sfsturbo.jobs.config.CaBundle;
import io.sfsturbo.jobs.config.HttpConfiguration;
import io.sfsturbo.jobs.config.ProxyConfiguration;
import io.sfsturbo.jobs.testsupport.ConnectProxy;
import io.sfsturbo.jobs.testsupport.TlsFixtures;
import io.sfsturbo.jobs.waiter.JobWaiter;
import io.sfsturbo.jobs.waiter.WaitOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs calls that succeed and fail with DEBUG logging captured, and checks that no secret shows
 * in any log line, exception text (stack traces included) or toString(); and that each call
 * logs its one DEBUG line with method, path, status, request id and duration, and its wire log entry
 * ({@code io.sfsturbo.jobs.wire}) with every credential redacted, a proxy's password included.
 */
@Timeout(60)
class SecretsCanaryTest {
  static final String TOKEN = "canary-token-4f1d2e9b";

  @TempDir
  Path dir;

  @Test
  void noSecretLeaksAndEachCallLogsOneDebugLine() throws Exception {
    List<String> texts = new ArrayList<>();
    List<String> secrets = new ArrayList<>();
    secrets.add(TOKEN);
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(captured, true, "UTF-8"));
    try (MockService service = new MockService()) {
      Credentials token = TokenCredentials.of(TOKEN);
      texts.add(token.toString());
      SfsTurboJobsClient client = service.clientBuilder().credentials(token).build();
      texts.add(client.toString());
      service.enqueueJob("j", "running");
      client.showJobDetail("j");
      for (int status : new int[] {400, 401, 403, 404, 500, 500, 500}) {
        service.enqueue(error(status, "SFS.TURBO.0001"));
      }
      for (int i = 0; i < 5; i++) {
        texts.add(stackTrace(assertThrows(RuntimeException.class, () -> client.showJobDetail("j"))));
      }
      service.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "text/html")
          .body("<html>echo " + TOKEN + "?</html>").build());
      Throwable decoding = assertThrows(RuntimeException.class, () -> client.showJobDetail("j"));
      texts.add(decoding.getMessage());
      service.enqueue(MockService.json(200, "{\"job_id\":\"j\",\"status\":\"failed\",\"error_code\":\"E\"}"));
      texts.add(stackTrace(assertThrows(Exception.class, () -> client.waiter()
          .waitForAsync("j", WaitOptions.builder().pollInterval(Duration.ofMillis(10)).build())
          .get(10, TimeUnit.SECONDS))));
      client.close();

      String sk = "canary-sk-9d8e7f";
      secrets.add(sk);
      AkSkCredentials aksk = AkSkCredentials.temporary("AKCANARY", sk, "canary-sts-1a2b3c");
      secrets.add("canary-sts-1a2b3c");
      texts.add(aksk.toString());
      SfsTurboJobsClient signed = service.clientBuilder().credentials(aksk).build();
      service.enqueue(error(403, "SFS.TURBO.0015"));
      texts.add(stackTrace(assertThrows(RuntimeException.class, () -> signed.showJobDetail("j"))));
      service.server.takeRequest(5, TimeUnit.SECONDS);
      String authorization = null;
      while (true) {
        mockwebserver3.RecordedRequest r = service.server.takeRequest(1, TimeUnit.SECONDS);
        if (r == null) {
          break;
        }
        if (r.getHeaders().get("Authorization") != null) {
          authorization = r.getHeaders().get("Authorization");
        }
      }
      secrets.add(authorization.substring(authorization.indexOf("Signature=") + 10));
      signed.close();

      try (MockWebServer iam = new MockWebServer()) {
        iam.start();
        iam.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
            .body("{\"error\":{\"code\":401,\"message\":\"wrong password\"}}").build());
        String password = "canary-password-3c4d";
        secrets.add(password);
        IamPasswordCredentials creds = IamPasswordCredentials.builder().iamEndpoint(iam.url("/").uri())
            .allowInsecureHttp(true).userName("alice").password(password).domainName("acme").projectName("eu-de")
            .build();
        texts.add(creds.toString());
        SfsTurboJobsClient withIam = service.clientBuilder().credentials(creds).build();
        texts.add(stackTrace(assertThrows(RuntimeException.class, () -> withIam.showJobDetail("j"))));
        withIam.close();
      }

      // A redirect to another port with temporary AK/SK: the target sees nothing, the message names no secret.
      try (MockWebServer elsewhere = new MockWebServer()) {
        elsewhere.start();
        service.enqueue(new MockResponse.Builder().code(302)
            .addHeader("Location", elsewhere.url("/steal?sts=canary-sts-1a2b3c").toString()).build());
        SfsTurboJobsClient redirected = service.clientBuilder().credentials(aksk).build();
        texts.add(stackTrace(assertThrows(RuntimeException.class, () -> redirected.showJobDetail("j"))));
        redirected.close();
        assertEquals(0, elsewhere.getRequestCount());
      }

      // Temporary keys from the instance metadata service: used, refused (401, renewal, skew), never shown.
      try (MockWebServer metadata = new MockWebServer()) {
        metadata.start();
        String metadataSk = "canary-meta-sk-8e2f";
        String metadataSts = "canary-meta-sts-5b6c";
        String metadataToken = "canary-meta-session-3d4e";
        secrets.add(metadataSk);
        secrets.add(metadataSts);
        secrets.add(metadataToken);
        String document = "{\"credential\":{\"access\":\"AKMETA\",\"secret\":\"" + metadataSk
            + "\",\"securitytoken\":\"" + metadataSts + "\",\"expires_at\":\"2099-01-01T00:00:00.000000Z\"}}";
        metadata.enqueue(new MockResponse.Builder().code(200).body(metadataToken).build());
        metadata.enqueue(new MockResponse.Builder().code(200).body(document).build());
        io.sfsturbo.jobs.auth.InstanceMetadataCredentials instance =
            io.sfsturbo.jobs.auth.InstanceMetadataCredentials.builder().endpoint(metadata.url("/").uri()).build();
        SfsTurboJobsClient fromMetadata = service.clientBuilder().credentials(instance).build();
        service.enqueueJob("j", "running");
        fromMetadata.showJobDetail("j");
        texts.add(instance.toString());
        texts.add(instance.resolveIdentity().toString());
        service.enqueue(error(401, "APIGW.0301"));
        service.enqueue(error(403, "SFS.TURBO.0015"));
        texts.add(stackTrace(assertThrows(RuntimeException.class, () -> fromMetadata.showJobDetail("j"))));
        fromMetadata.close();
        // A document whose keys cannot be header values: refused by the chain's words, never echoed.
        for (String broken : new String[] {document.replace(metadataSk, metadataSk + "\\u0000"),
            document.replace(metadataSts, metadataSts + "\\nX-Injected: 1")}) {
          metadata.enqueue(new MockResponse.Builder().code(200).body(metadataToken).build());
          metadata.enqueue(new MockResponse.Builder().code(200).body(broken).build());
        }
        for (int i = 0; i < 2; i++) {
          io.sfsturbo.jobs.auth.InstanceMetadataCredentials broken = io.sfsturbo.jobs.auth.InstanceMetadataCredentials
              .builder().endpoint(metadata.url("/").uri()).build();
          texts.add(stackTrace(assertThrows(io.sfsturbo.jobs.errors.CredentialsException.class,
              broken::resolveIdentity)));
        }
      }

      // Secrets that cannot be header values, from every source: refused without echoing them.
      String crlfToken = "canary-crlf-77aa";
      secrets.add(crlfToken);
      texts.add(stackTrace(assertThrows(IllegalArgumentException.class,
          () -> TokenCredentials.of(crlfToken + "\r\nX-Injected: 1"))));
      SfsTurboJobsClient supplied = service.clientBuilder()
          .credentials(TokenCredentials.fromSupplier(() -> crlfToken + "\u00e9")).build();
      texts.add(stackTrace(assertThrows(RuntimeException.class, () -> supplied.showJobDetail("j"))));
      supplied.close();
      String envSk = "canary-env-sk-55";
      secrets.add(envSk);
      Map<String, String> env = new HashMap<>();
      env.put("HUAWEICLOUD_SDK_AK", "AKCANARY");
      env.put("HUAWEICLOUD_SDK_SK", envSk + "\u0000");
      texts.add(stackTrace(assertThrows(RuntimeException.class, () -> SfsTurboJobsClient.builder()
          .endpoint(service.server.url("/").uri()).httpConfiguration(h -> h.allowInsecureHttp(true)).projectId("p").environment(io.sfsturbo.jobs.config.Environment.of(env, java.nio.file.Paths.get(System.getProperty("user.home")))).build())));
      String userInfoPassword = "canary-userinfo-66";
      secrets.add(userInfoPassword);
      texts.add(stackTrace(assertThrows(IllegalArgumentException.class, () -> SfsTurboJobsClient.builder()
          .endpoint("https://admin:" + userInfoPassword + "@sfs-turbo.example.com").projectId("p")
          .credentials(token).build())));

      // Through a CONNECT proxy that asks for credentials: its password is a secret too, in the wire log's
      // account of the 407 and in every toString.
      String proxyPassword = "canary-proxy-pass-88";
      secrets.add(proxyPassword);
      TlsFixtures tls = TlsFixtures.create();
      try (MockWebServer https = new MockWebServer(); ConnectProxy proxy = ConnectProxy.start("alice", proxyPassword)) {
        tls.serveHttps(https);
        https.start();
        https.enqueue(MockService.json(200, "{\"job_id\":\"j\",\"status\":\"success\"}"));
        ProxyConfiguration viaProxy = ProxyConfiguration.parse("http://alice:" + proxyPassword + "@127.0.0.1:"
            + proxy.port(), "HTTPS_PROXY");
        texts.add(viaProxy.toString());
        HttpConfiguration http = HttpConfiguration.builder().proxy(viaProxy)
            .caBundle(CaBundle.fromPemFile(tls.writeCaBundle(dir))).build();
        texts.add(http.toString());
        SfsTurboJobsClient proxied = SfsTurboJobsClient.builder().endpoint(https.url("/").uri()).projectId("p")
            .credentials(token).httpConfiguration(http).build();
        texts.add(proxied.toString());
        proxied.showJobDetail("j");
        proxied.close();
        assertEquals(1, proxy.tunnels());
      }
    } finally {
      System.err.flush();
      System.setErr(original);
    }
    String log = new String(captured.toByteArray(), StandardCharsets.UTF_8);
    original.print(log);
    assertTrue(secrets.size() >= 5, "the canary must cover token, SK, STS, signature and password");
    for (String secret : secrets) {
      assertFalse(log.contains(secret), "a secret is in the log");
      for (String text : texts) {
        assertFalse(text.contains(secret), "a secret is in: " + text);
      }
    }
    assertTrue(Pattern.compile("DEBUG io\\.sfsturbo\\.jobs\\.http - GET /v1/proj-1/sfs-turbo/jobs/j -> 200 "
        + "\\(request id rid-200\\) in \\d+ ms").matcher(log).find(), log);
    assertTrue(log.contains("-> 404 (request id rid-404)"), log);
    // The wire log was on, and redacted rather than silent.
    assertTrue(log.contains("DEBUG io.sfsturbo.jobs.wire - GET "), log);
    assertTrue(log.contains("> X-Auth-Token: [redacted]"), log);
    assertTrue(log.contains("> Authorization: SDK-HMAC-SHA256 [redacted]"), log);
    assertTrue(log.contains("> X-Security-Token: [redacted]"), log);
    assertTrue(log.contains("<html>echo [redacted]?</html>"), "the echoed token is cut from the body: " + log);
    assertTrue(log.contains("asked for credentials (407, Basic)"), log);
  }

  static String stackTrace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }
}
