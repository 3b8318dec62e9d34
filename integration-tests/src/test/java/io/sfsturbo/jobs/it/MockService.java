// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.it;

import io.sfsturbo.jobs.SfsTurboJobsClientBuilder;
import io.sfsturbo.jobs.testkit.VirtualTime;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.auth.TokenCredentials;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** Shared set-up of the end-to-end tests: a MockWebServer and a client aimed at it. */
final class MockService implements AutoCloseable {
  static final String PROJECT = "proj-1";
  static final String TOKEN = "canary-token-4f1d2e9b";

  final MockWebServer server = new MockWebServer();
  /** The clients' time: every delay they take is instant, and recorded. */
  final VirtualTime time = VirtualTime.startingAt(Instant.parse("2026-11-29T10:00:00Z"));

  MockService() throws Exception {
    server.start();
  }

  SfsTurboJobsClientBuilder clientBuilder() {
    SfsTurboJobsClientBuilder b = SfsTurboJobsClient.builder()
        .endpoint(server.url("/").uri())
        .httpConfiguration(h -> h.allowInsecureHttp(true))
        .projectId(PROJECT)
        .credentials(TokenCredentials.of(TOKEN))
        .timeSource(time);
    return b;
  }

  /** The delays the clients took so far. */
  List<Duration> sleeps() {
    return time.delays();
  }

  void enqueueJob(String jobId, String status) {
    server.enqueue(json(200, "{\"job_id\":\"" + jobId + "\",\"status\":\"" + status + "\",\"job_type\":\"bind_ldap\"}"));
  }

  void enqueue(MockResponse response) {
    server.enqueue(response);
  }

  static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json;charset=UTF-8")
        .addHeader("X-request-id", "rid-" + code).body(body).build();
  }

  static MockResponse error(int code, String errCode) {
    return json(code, "{\"errCode\":\"" + errCode + "\",\"errMsg\":\"message for " + errCode + "\"}");
  }

  @Override
  public void close() {
    server.close();
  }
}
