// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.config.Environment;
import java.net.URI;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where IAM is: code or profile, then the variable, then the region's, then the global endpoint. */
class IamEndpointsTest {
  static Environment env(Map<String, String> v) {
    return Environment.of(v, Paths.get("/nonexistent-home"));
  }

  @Test
  void theOfficialOrderWithTheRegionsOwnEndpoints() {
    Environment withVar = env(Collections.singletonMap("HUAWEICLOUD_SDK_IAM_ENDPOINT", "iam.example.com"));
    Environment none = env(Collections.emptyMap());
    URI code = URI.create("https://iam.code.example.com");
    assertEquals(code, IamEndpoints.resolve(code, "iamEndpoint", withVar, "eu-de").endpoint);
    IamEndpoints.Resolved fromVar = IamEndpoints.resolve(null, null, withVar, "eu-de");
    assertEquals(URI.create("https://iam.example.com/"), fromVar.endpoint, "no scheme: https, as the official SDKs");
    assertEquals("HUAWEICLOUD_SDK_IAM_ENDPOINT", fromVar.source);
    assertEquals(URI.create("https://iam.eu-de.otc.t-systems.com"), IamEndpoints.resolve(null, null, none, "eu-de")
        .endpoint);
    assertEquals(URI.create("https://iam.eu-west-101.myhuaweicloud.eu"),
        IamEndpoints.resolve(null, null, none, "eu-west-101").endpoint, "the EU site's own IAM (the official table "
            + "lacks it)");
    assertEquals(URI.create("https://iam.cn-north-4.myhuaweicloud.com"),
        IamEndpoints.resolve(null, null, none, "cn-north-4_team").endpoint, "a sub-project lives in its region");
    assertEquals(URI.create("https://iam.myhuaweicloud.com"), IamEndpoints.resolve(null, null, none, "mars-1").endpoint);
    assertEquals(URI.create("https://iam.myhuaweicloud.com"), IamEndpoints.resolve(null, null, none, null).endpoint);
  }

  @Test
  void aBadVariableIsNamedNeverEchoed() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IamEndpoints.resolve(null, null,
        env(Collections.singletonMap("HUAWEICLOUD_SDK_IAM_ENDPOINT", "https://u:hunter2@iam.example.com")), "eu-de"));
    assertTrue(e.getMessage().startsWith("HUAWEICLOUD_SDK_IAM_ENDPOINT must not contain user info"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> IamEndpoints.resolve(null, null,
        env(Collections.singletonMap("HUAWEICLOUD_SDK_IAM_ENDPOINT", "https://iam.\u202eexample.com")), "eu-de"));
    assertEquals("HUAWEICLOUD_SDK_IAM_ENDPOINT holds U+202E at index 12; an endpoint is printable ASCII without "
        + "spaces", e.getMessage());
  }
}
