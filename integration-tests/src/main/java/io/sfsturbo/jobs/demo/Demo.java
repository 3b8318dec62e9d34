package io.sfsturbo.jobs.demo;

import io.sfsturbo.jobs.JobDetail;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.auth.TokenCredentials;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/**
 * The README's main job until the CLI exists: query a job and poll it until it ends, against an
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
        JobDetail detail = client.showJobDetail(job);
        System.out.println("job " + job + ": " + detail.status());
        while (!detail.isTerminal()) {
          Thread.sleep(200);
          detail = client.showJobDetail(job);
          System.out.println("job " + job + ": " + detail.status());
        }
        System.out.println("ended " + detail.status() + " after " + detail.duration().getSeconds() + " s of job time");
      }
    }
  }
}
