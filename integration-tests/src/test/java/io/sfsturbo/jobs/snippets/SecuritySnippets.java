// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.snippets;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.SfsTurboJobsClientBuilder;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.text.SafeText;
import java.net.URI;

/** The snippets of docs/security.md. */
final class SecuritySnippets {
  private SecuritySnippets() {}

  // BEGIN: security.safe-text
  static String failureLine(JobDetail job) {
    // Server text escaped (ESC becomes \u001b, bidi controls too) and capped at 300 characters.
    return "job " + SafeText.forMessage(job.jobId()) + " failed: " + SafeText.forMessage(job.failReason());
  }
  // END: security.safe-text

  // BEGIN: security.plain-http
  static SfsTurboJobsClient localEmulatorClient(SfsTurboJobsClientBuilder builder, int port) {
    return builder
        .endpoint(URI.create("http://127.0.0.1:" + port + "/"))
        .httpConfiguration(h -> h.allowInsecureHttp(true))   // refused without it: credentials in clear text
        .build();
  }
  // END: security.plain-http

  // BEGIN: security.response-limit
  static SfsTurboJobsClient smallAnswersOnly(SfsTurboJobsClientBuilder builder) {
    return builder
        .httpConfiguration(h -> h.maxResponseBytes(256 * 1024))   // default 4 MiB, counted after gzip
        .build();
  }
  // END: security.response-limit
}
