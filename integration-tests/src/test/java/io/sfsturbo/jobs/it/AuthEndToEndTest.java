// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.model.JobStatus;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.auth.AkSkCredentials;
import io.sfsturbo.jobs.auth.IamPasswordCredentials;
import io.sfsturbo.jobs.errors.AuthenticationException;
import io.sfsturbo.jobs.retry.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The three authentication schemes through the whole client, against MockWebServer. */
@Timeout(30)
class AuthEndToEndTest {
  static final String SK = "e2e-secret-key-5b7c";

  @Test
  void akSkRequestsCarryAVerifiableSignature() throws Exception {
    try (MockService service = new MockService();
         SfsTurboJobsClient client = service.clientBuilder().credentials(AkSkCredentials.of("AKE2E", SK))
             .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())).build()) {
      service.enqueueJob("job-1", "running");
      assertEquals(JobStatus.RUNNING, client.showJobDetail("job-1").status());
      RecordedRequest r = service.server.takeRequest(5, TimeUnit.SECONDS);
      assertEquals("proj-1", r.getHeaders().get("X-Project-Id"));
      String authorization = r.getHeaders().get("Authorization");
      assertTrue(authorization.startsWith("SDK-HMAC-SHA256 Access=AKE2E, SignedHeaders="
          + "content-type;host;x-project-id;x-sdk-date, Signature="), authorization);
      assertEquals(verifierSignature(r), authorization.substring(authorization.indexOf("Signature=") + 10));
    }
  }

  /** What a gateway computes from the request as received, written apart from the SDK's signer. */
  static String verifierSignature(RecordedRequest r) throws Exception {
    TreeMap<String, String> headers = new TreeMap<>();
    for (String name : new String[] {"content-type", "host", "x-project-id", "x-sdk-date"}) {
      headers.put(name, r.getHeaders().get(name));
    }
    StringBuilder canonical = new StringBuilder("GET\n").append(r.getUrl().encodedPath()).append("/\n\n");
    headers.forEach((k, v) -> canonical.append(k).append(':').append(v).append('\n'));
    canonical.append('\n').append(String.join(";", headers.keySet())).append('\n').append(hex(sha256("")));
    String toSign = "SDK-HMAC-SHA256\n" + r.getHeaders().get("X-Sdk-Date") + "\n" + hex(sha256(canonical.toString()));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SK.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return hex(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
  }

  static byte[] sha256(String s) throws Exception {
    return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
  }

  static String hex(byte[] bytes) {
    StringBuilder sb = new StringBuilder();
    for (byte b : bytes) {
      sb.append(String.format("%02x", b));
    }
    return sb.toString();
  }

  @Test
  void clockSkewIsCorrectedFromTheGatewaysDateAndTheCallRetriedOnce() throws Exception {
    // The service's virtual clock shows 2026-11-29T10:00:00Z, half an hour behind the gateway's Date.
    try (MockService service = new MockService();
         SfsTurboJobsClient client = service.clientBuilder()
             .credentials(AkSkCredentials.of("AKE2E", SK))
             .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())).build()) {
      service.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "application/json")
          .addHeader("Date", "Sun, 29 Nov 2026 10:30:00 GMT")
          .body("{\"error_code\":\"APIGW.0301\",\"error_msg\":\"Incorrect IAM authentication information: "
              + "verify aksk signature fail\",\"request_id\":\"r1\"}").build());
      service.enqueueJob("j", "success");
      assertEquals(JobStatus.SUCCESS, client.showJobDetail("j").status());
      assertEquals(2, service.server.getRequestCount());
      assertEquals("20261129T100000Z", service.server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("X-Sdk-Date"));
      assertEquals("20261129T103000Z", service.server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("X-Sdk-Date"));
    }
  }

  @Test
  void iamTokenIsRenewedOnceAfterA401AndASecond401Surfaces() throws Exception {
    try (MockWebServer iam = new MockWebServer(); MockService service = new MockService()) {
      iam.start();
      for (String token : new String[] {"iam-token-1", "iam-token-2", "iam-token-3"}) {
        iam.enqueue(new MockResponse.Builder().code(201).addHeader("X-Subject-Token", token)
            .body("{\"token\":{\"expires_at\":\"2099-01-01T00:00:00.000000Z\"}}").build());
      }
      IamPasswordCredentials creds = IamPasswordCredentials.builder().iamEndpoint(iam.url("/").uri())
          .allowInsecureHttp(true).userName("alice").password("iam-password-canary").domainName("acme")
          .projectName("eu-de").build();
      SfsTurboJobsClient client = service.clientBuilder().credentials(creds).overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none())).build();
      service.enqueue(MockService.json(401, "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"token expired\"}"));
      service.enqueueJob("j", "running");
      assertEquals(JobStatus.RUNNING, client.showJobDetail("j").status());
      assertEquals(2, iam.getRequestCount());
      assertEquals("iam-token-1", service.server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("X-Auth-Token"));
      assertEquals("iam-token-2", service.server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("X-Auth-Token"));

      service.enqueue(MockService.json(401, "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"no\"}"));
      service.enqueue(MockService.json(401, "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"still no\"}"));
      AuthenticationException e = assertThrows(AuthenticationException.class, () -> client.showJobDetail("j"));
      assertEquals("still no", e.errorMessage());
      assertEquals(4, service.server.getRequestCount(), "one re-authenticated try, no loop");
      client.close();
    }
  }

  @Test
  void theSignatureDateHasTheDocumentedPattern() throws Exception {
    try (MockService service = new MockService();
         SfsTurboJobsClient client = service.clientBuilder().credentials(AkSkCredentials.of("AKE2E", SK)).build()) {
      service.time.advance(java.time.Duration.ofMinutes(30));
      service.enqueueJob("j", "success");
      client.showJobDetail("j");
      String date = service.server.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("X-Sdk-Date");
      assertEquals(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
          .format(LocalDateTime.parse("2026-11-29T10:30:00")), date);
    }
  }
}
