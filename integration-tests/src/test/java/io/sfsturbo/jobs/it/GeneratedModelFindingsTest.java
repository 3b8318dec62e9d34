// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.Gson;
import io.sfsturbo.jobs.JobDetail;
import io.sfsturbo.jobs.JobStatus;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.auth.TokenCredentials;
import io.sfsturbo.jobs.generated.model.ShowJobDetailResponse;
import io.sfsturbo.jobs.retry.RetryPolicy;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * Pins what the generated code does with an unknown status and with the time fields (recorded
 * in sdk-generated/README.md), and that the extensions cope with both.
 */
class GeneratedModelFindingsTest {
  static final String CANCELLED = "{\"job_id\":\"j\",\"status\":\"cancelled\",\"begin_time\":\"2023-07-26 09:33:58\","
      + "\"sub_jobs\":[{\"job_id\":\"s\",\"status\":\"paused\"}]}";

  @Test
  void generatedEnumAdapterRejectsAnUnknownStatus() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Gson().fromJson(CANCELLED, ShowJobDetailResponse.class));
    assertEquals("Unexpected value 'cancelled'", e.getMessage());
  }

  @Test
  void generatedTimeFieldsAreStrings() throws Exception {
    assertEquals(String.class, ShowJobDetailResponse.class.getMethod("getBeginTime").getReturnType());
    assertEquals(String.class, ShowJobDetailResponse.class.getMethod("getEndTime").getReturnType());
  }

  @Test
  void clientKeepsUnknownStatusTextAndBadTimesDoNotFailTheResponse() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body(CANCELLED.replace("2023-07-26 09:33:58", "yesterday")).build());
      try (SfsTurboJobsClient client = SfsTurboJobsClient.builder().endpoint(server.url("/").uri())
          .allowInsecureHttp(true).projectId("p").credentials(TokenCredentials.of("t"))
          .retryPolicy(RetryPolicy.none()).build()) {
        JobDetail job = client.showJobDetail("j");
        assertEquals("cancelled", job.status().value());
        assertFalse(job.status().isKnown());
        assertFalse(job.isTerminal());
        assertEquals(JobStatus.of("paused"), job.subJobs().get(0).status());
        assertEquals("yesterday", job.beginTimeText());
        assertEquals(null, job.beginTime());
      }
    }
  }
}
