// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.auth.TokenCredentials;
import org.junit.jupiter.api.Test;

/** docs/configuration.md's client builds: every value it sets is one the builders accept, and it is kept. */
class ConfigurationSnippetTest {
  @Test
  void theConfiguredClientBuildsWithWhatItSays() {
    String project = "0123456789abcdef0123456789abcdef";
    try (SfsTurboJobsClient client = ConfigurationSnippets.configured(TokenCredentials.of("a-token"), project)) {
      assertEquals(project, client.projectId());
      assertTrue(client.endpoint().toString().contains("eu-de"), client.endpoint().toString());
    }
  }
}
