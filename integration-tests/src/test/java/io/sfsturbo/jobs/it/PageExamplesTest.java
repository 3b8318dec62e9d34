// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.model.JobStatus;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.auth.TokenCredentials;
import io.sfsturbo.jobs.errors.BadRequestException;
import io.sfsturbo.jobs.errors.ResourceNotFoundException;
import io.sfsturbo.jobs.errors.ServerException;
import io.sfsturbo.jobs.errors.ServiceException;
import io.sfsturbo.jobs.model.SfsTurboErrorCode;
import io.sfsturbo.jobs.retry.RetryPolicy;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API page's examples, served by MockWebServer, through the whole stack. */
class PageExamplesTest {
  static final String PROJECT = "2a4f6e1b8c9d4e3f8a7b6c5d4e3f2a1b";
  static final String JOB = "26f6b565-xxxx-XXXX-xxxx-03f0bd975433";

  MockWebServer server;
  SfsTurboJobsClient client;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    client = SfsTurboJobsClient.builder()
        .endpoint(server.url("/").uri())
        .httpConfiguration(h -> h.allowInsecureHttp(true))
        .projectId(PROJECT)
        .credentials(TokenCredentials.of("page-example-token"))
        .overrideConfiguration(o -> o.retryPolicy(RetryPolicy.none()))
        .build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private void serve(int code, String body) {
    server.enqueue(new MockResponse.Builder().code(code)
        .addHeader("Content-Type", "application/json")
        .addHeader("X-request-id", "req-" + code)
        .body(body).build());
  }

  @Test
  void status200ExampleReturnsEveryField() throws Exception {
    String body = "{\n  \"job_id\" : \"26f6b565-xxxx-XXXX-xxxx-03f0bd975433\",\n  \"status\" : \"success\",\n"
        + "  \"job_type\" : \"bind_ldap\",\n  \"begin_time\" : \"2023-07-26 09:33:58\",\n"
        + "  \"end_time\" : \"2023-07-26 09:33:58\"\n}";
    serve(200, body);

    JobDetail job = client.showJobDetail(JOB);

    assertEquals(JOB, job.jobId());
    assertEquals(JobStatus.SUCCESS, job.status());
    assertEquals("bind_ldap", job.jobType());
    assertEquals("2023-07-26 09:33:58", job.beginTimeAsString());
    assertEquals(Instant.parse("2023-07-26T09:33:58Z"), job.beginTime());
    assertEquals(Instant.parse("2023-07-26T09:33:58Z"), job.endTime());
    assertNull(job.errorCode());
    assertNull(job.failReason());
    assertTrue(job.subJobs().isEmpty());
    assertEquals("req-200", job.requestId());
    assertEquals(body, job.rawJson());
    assertTrue(job.isTerminal());

    RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
    assertEquals("GET", request.getMethod());
    assertEquals("/v1/" + PROJECT + "/sfs-turbo/jobs/" + JOB, request.getUrl().encodedPath());
    assertEquals("page-example-token", request.getHeaders().get("X-Auth-Token"));
    assertEquals("application/json", request.getHeaders().get("Content-Type"));
  }

  @Test
  void allTableFieldsIncludingSubJobsAreDecoded() {
    serve(200, "{\"job_id\":\"j1\",\"status\":\"failed\",\"job_type\":\"expand\",\"begin_time\":\"2023-07-26 09:33:58\","
        + "\"end_time\":\"2023-07-26 09:35:00\",\"error_code\":\"SFS.TURBO.0011\",\"fail_reason\":\"busy\","
        + "\"sub_jobs\":[{\"job_id\":\"s1\",\"status\":\"failed\",\"job_type\":\"expand_node\","
        + "\"begin_time\":\"2023-07-26 09:33:59\",\"end_time\":\"2023-07-26 09:34:59\","
        + "\"error_code\":\"SFS.TURBO.0038\",\"fail_reason\":\"disk\"},{\"job_id\":\"s2\",\"status\":\"success\"}]}");

    JobDetail job = client.showJobDetail("j1");

    assertEquals(JobStatus.FAILED, job.status());
    assertEquals("SFS.TURBO.0011", job.errorCode());
    assertEquals("busy", job.failReason());
    assertEquals(62, job.duration().getSeconds());
    assertEquals(2, job.subJobs().size());
    assertEquals("s1", job.subJobs().get(0).jobId());
    assertEquals("expand_node", job.subJobs().get(0).jobType());
    assertEquals(Instant.parse("2023-07-26T09:34:59Z"), job.subJobs().get(0).endTime());
    assertEquals("SFS.TURBO.0038", job.subJobs().get(0).errorCode());
    assertEquals("disk", job.subJobs().get(0).failReason());
    assertEquals(1, job.failedSubJobs().size());
    assertEquals(JobStatus.SUCCESS, job.subJobs().get(1).status());
  }

  @Test
  void status400ExampleBecomesBadRequest() {
    serve(400, "{\n  \"errCode\" : \"SFS.TURBO.0001\",\n  \"errMsg\" : \"parameter error\"\n}");
    ServiceException e = assertThrows(BadRequestException.class, () -> client.showJobDetail(JOB));
    assertError(e, 400, "SFS.TURBO.0001", "parameter error", "req-400");
    assertEquals(SfsTurboErrorCode.PARAMETER_ERROR, e.knownErrorCode());
  }

  @Test
  void status404ExampleBecomesNotFound() {
    serve(404, "{\n  \"errCode\" : \"SFS.TURBO.0001\",\n  \"errMsg\" : \"parameter error\"\n}");
    ServiceException e = assertThrows(ResourceNotFoundException.class, () -> client.showJobDetail(JOB));
    assertError(e, 404, "SFS.TURBO.0001", "parameter error", "req-404");
  }

  @Test
  void status500ExampleBecomesServerError() {
    serve(500, "{\n  \"errCode\" : \"SFS.TURBO.0005\",\n  \"errMsg\" : \"Internal server error\"\n}");
    ServiceException e = assertThrows(ServerException.class, () -> client.showJobDetail(JOB));
    assertError(e, 500, "SFS.TURBO.0005", "Internal server error", "req-500");
    assertEquals(SfsTurboErrorCode.INTERNAL_SERVER_ERROR, e.knownErrorCode());
  }

  @Test
  void asyncCallReturnsTheSameJob() throws Exception {
    serve(200, "{\"job_id\":\"" + JOB + "\",\"status\":\"running\",\"job_type\":\"bind_ldap\"}");
    JobDetail job = client.showJobDetailAsync(JOB).get(10, TimeUnit.SECONDS);
    assertEquals(JobStatus.RUNNING, job.status());
    assertEquals(JOB, job.jobId());
  }

  @Test
  void asyncErrorCompletesExceptionallyWithTheTypedException() {
    serve(404, "{\"errCode\":\"SFS.TURBO.0019\",\"errMsg\":\"job not found\"}");
    Throwable cause = assertThrows(java.util.concurrent.ExecutionException.class,
        () -> client.showJobDetailAsync(JOB).get(10, TimeUnit.SECONDS)).getCause();
    ResourceNotFoundException e = assertInstanceOf(ResourceNotFoundException.class, cause);
    assertEquals(SfsTurboErrorCode.INVALID_JOB_ID, e.knownErrorCode());
  }

  private static void assertError(ServiceException e, int status, String code, String message, String requestId) {
    assertEquals(status, e.statusCode());
    assertEquals(code, e.errorCode());
    assertEquals(message, e.errorMessage());
    assertEquals(requestId, e.requestId());
    assertTrue(e.getMessage().contains(code), e.getMessage());
    assertTrue(e.getMessage().contains(requestId), e.getMessage());
  }
}
