// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.snippets;

// BEGIN: readme.quickstart
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.text.SafeText;
import io.sfsturbo.jobs.waiter.JobFailedException;
import io.sfsturbo.jobs.waiter.JobProgressListener;
import io.sfsturbo.jobs.waiter.WaitOptions;
import io.sfsturbo.jobs.waiter.WaitResult;
import io.sfsturbo.jobs.waiter.WaitTimeoutException;
import java.time.Duration;

public class QuickStart {
  public static void main(String[] args) {
    String jobId = args[0];  // the job id that an SFS Turbo operation (expand, bind LDAP...) returned
    // Credentials and project id from HUAWEICLOUD_SDK_AK, _SK, _PROJECT_ID or ~/.huaweicloud/credentials
    try (SfsTurboJobsClient client = SfsTurboJobsClient.builder().region("eu-de").build()) {
      waitForJob(client, jobId);
    }
  }

  static void waitForJob(SfsTurboJobsClient client, String jobId) {
    JobDetail job = client.showJobDetail(jobId);                   // one query
    System.out.println(job.jobType() + " is " + job.statusAsString());
    try {
      WaitResult done = client.waiter().waitFor(jobId, WaitOptions.builder()   // poll until it ends
          .timeout(Duration.ofMinutes(20))
          .listener(JobProgressListener.onStatusChange(
              (polled, from, to) -> System.out.println("now " + polled.statusAsString())))
          .build());
      System.out.println("succeeded after " + done.polls() + " polls");
    } catch (JobFailedException e) {     // the job ended 'failed'; the message names failed sub-jobs
      System.err.println(e.errorCode() + ": " + SafeText.forMessage(e.failReason()));
    } catch (WaitTimeoutException e) {   // our deadline passed first; the job may still be running
      System.err.println(e.getMessage());
    }
  }
}
// END: readme.quickstart
