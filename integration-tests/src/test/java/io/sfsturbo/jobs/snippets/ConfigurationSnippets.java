// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.snippets;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.auth.Credentials;
import io.sfsturbo.jobs.config.ProxyConfiguration;
import io.sfsturbo.jobs.retry.AdaptiveRateLimit;
import io.sfsturbo.jobs.retry.RetryPolicy;
import java.time.Duration;

/**
 * The snippet of docs/configuration.md: compiled here, and built by {@code ConfigurationSnippetTest} so that a
 * value the builders refuse fails the build too.
 */
final class ConfigurationSnippets {
  private ConfigurationSnippets() {}

  // BEGIN: configuration.everything
  static SfsTurboJobsClient configured(Credentials credentials, String projectId) {
    return SfsTurboJobsClient.builder()
        .region("eu-de")                                   // endpoints from the region (and its overrides)
        .projectId(projectId)                              // else looked up from IAM once, at build()
        .credentials(credentials)                          // else the default chain
        .overrideConfiguration(o -> o
            .callTimeout(Duration.ofSeconds(30))            // a whole call, retries included
            .attemptTimeout(Duration.ofSeconds(10))         // one attempt, connect to last byte
            .retryPolicy(RetryPolicy.builder().maxAttempts(5).build())
            .rateLimit(AdaptiveRateLimit.builder().maxRequestsPerSecond(20).build()))
        .httpConfiguration(h -> h
            .connectTimeout(Duration.ofSeconds(5))
            .proxy(ProxyConfiguration.fromEnvironment())   // HTTPS_PROXY, NO_PROXY as curl reads them
            .userAgentSuffix("billing-reconciler/2.1"))
        .build();
  }
  // END: configuration.everything
}
