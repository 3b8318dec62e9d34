// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.snippets;

import io.sfsturbo.jobs.CallOptions;
import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.SfsTurboJobsClientBuilder;
import io.sfsturbo.jobs.config.ClientOverrideConfiguration;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.retry.AdaptiveRateLimit;
import io.sfsturbo.jobs.retry.Backoff;
import io.sfsturbo.jobs.retry.RetryPolicy;
import java.time.Duration;

/** The snippets of docs/retries-and-deadlines.md. */
final class RetrySnippets {
  private RetrySnippets() {}

  // BEGIN: retries.client
  static SfsTurboJobsClient patientClient(SfsTurboJobsClientBuilder builder) {
    return builder
        .overrideConfiguration(o -> o
            .callTimeout(Duration.ofMinutes(2))         // a whole call: attempts and the pauses between
            .attemptTimeout(Duration.ofSeconds(10))     // one attempt, from connecting to the last byte
            .retryPolicy(RetryPolicy.builder()
                .maxAttempts(5)                         // the first attempt included
                .backoff(Backoff.of(Duration.ofMillis(500), 2.0, Duration.ofSeconds(10), 1.0))
                .maxRetryAfter(Duration.ofSeconds(30))  // a longer Retry-After ends the call at once
                .build()))
        .build();
  }
  // END: retries.client

  // BEGIN: retries.per-call
  static JobDetail quickLook(SfsTurboJobsClient client, String jobId) {
    return client.showJobDetail(jobId, CallOptions.builder()
        .callTimeout(Duration.ofSeconds(5))
        .retryPolicy(RetryPolicy.none())    // one attempt
        .build());
  }
  // END: retries.per-call

  // BEGIN: retries.rate-limit
  static ClientOverrideConfiguration withinAQuota() {
    return ClientOverrideConfiguration.builder()
        .rateLimit(AdaptiveRateLimit.builder()
            .maxRequestsPerSecond(50)       // a ceiling from the first request: a quota you know
            .build())
        .build();
  }

  static ClientOverrideConfiguration withoutRateLimit() {
    return ClientOverrideConfiguration.builder()
        .rateLimit(AdaptiveRateLimit.disabled())
        .build();
  }
  // END: retries.rate-limit
}
