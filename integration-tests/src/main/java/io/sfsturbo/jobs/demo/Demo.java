// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.demo;

import io.sfsturbo.jobs.JobDetail;
import io.sfsturbo.jobs.JobStatus;
import io.sfsturbo.jobs.waiter.JobProgressListener;
import io.sfsturbo.jobs.waiter.JobWaiter;
import io.sfsturbo.jobs.waiter.WaitOptions;
import io.sfsturbo.jobs.waiter.WaitResult;
import java.time.Duration;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.auth.TokenCredentials;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/**
 * The README's main job until the CLI exists: query a job and wait until it ends, against an
 * embedded MockWebServer that plays the service (no cloud account needed).
 */
public final class Demo {
  private Demo() {}

  /**
   * Runs the demo.
   *
   * @param args ignored
   * @throws Exception when the embedded server fails
   */
  public static void main(String[] args) throws Exception {
    String job = "26f6b565-0000-4000-8000-03f0bd975433";
    try (MockWebServer server = new MockWebServer()) {
      for (String status : new String[] {"waiting", "running", "running", "success"}) {
        String end = status.equals("success") ? ",\"end_time\":\"2023-07-26 09:34:28\"" : "";
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
            .addHeader("X-request-id", "demo-" + server.getRequestCount())
            .body("{\"job_id\":\"" + job + "\",\"status\":\"" + status + "\",\"job_type\":\"bind_ldap\","
                + "\"begin_time\":\"2023-07-26 09:33:58\"" + end + "}").build());
      }
      server.start();
      try (SfsTurboJobsClient client = SfsTurboJobsClient.builder()
          .endpoint(server.url("/").uri()).allowInsecureHttp(true)
          .projectId("demo-project").credentials(TokenCredentials.of("demo-token")).build()) {
        JobDetail first = client.showJobDetail(job);
        System.out.println("job " + job + " (" + first.jobType() + "): " + first.status()
            + " [request id " + first.requestId() + "]");
        WaitOptions options = WaitOptions.builder().pollInterval(Duration.ofMillis(200))
            .timeout(Duration.ofMinutes(1))
            .listener(new JobProgressListener() {
              @Override
              public void onJobStatusChanged(JobDetail detail, JobStatus previous, JobStatus current) {
                System.out.println("  " + previous + " -> " + current);
              }
            }).build();
        WaitResult done = JobWaiter.create(client).waitFor(job, options);
        System.out.println("ended " + done.job().status() + " after " + done.polls() + " polls in "
            + done.elapsed().toMillis() + " ms (job time " + done.job().duration() + ")");
      }
    }
  }
}
