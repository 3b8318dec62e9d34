// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.snippets;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.auth.AkSkCredentials;
import io.sfsturbo.jobs.auth.Credentials;
import io.sfsturbo.jobs.auth.IamPasswordCredentials;
import io.sfsturbo.jobs.auth.InstanceMetadataCredentials;
import java.time.Duration;

/**
 * The snippets of docs/credentials-and-regions.md and the Javadoc example of {@link InstanceMetadataCredentials}:
 * compiled here; the credentials and regions tests (integration-tests' it package, sdk-extensions) run the
 * behaviour they show against the test kit's metadata service and IAM.
 */
final class CredentialsSnippets {
  private CredentialsSnippets() {}

  // BEGIN: credentials.instance-metadata
  static SfsTurboJobsClient onACloudServer() {
    return SfsTurboJobsClient.builder()
        .region("eu-de")
        .credentials(InstanceMetadataCredentials.builder().timeout(Duration.ofSeconds(2)).build())
        .build();
  }
  // END: credentials.instance-metadata

  // BEGIN: credentials.project-id
  static String projectIdFromIam(String accessKey, String secretKey) {
    try (SfsTurboJobsClient client = SfsTurboJobsClient.builder()
        .region("eu-de")
        .credentials(AkSkCredentials.of(accessKey, secretKey))
        .build()) {
      return client.projectId();   // looked up from IAM when the client was built
    }
  }
  // END: credentials.project-id

  // BEGIN: credentials.iam-password
  static SfsTurboJobsClient withAPassword(String password) {
    return SfsTurboJobsClient.builder()
        .region("eu-de")
        .credentials(IamPasswordCredentials.builder()
            .userName("alice").password(password).domainName("acme").build())
        .build();
  }
  // END: credentials.iam-password

  static Credentials javadocInstanceMetadata() {
    // BEGIN: javadoc.instance-metadata
    Credentials agencyKeys = InstanceMetadataCredentials.create();   // http://169.254.169.254
    // END: javadoc.instance-metadata
    return agencyKeys;
  }
}
