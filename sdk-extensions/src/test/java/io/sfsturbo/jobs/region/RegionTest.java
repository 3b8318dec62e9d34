// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RegionTest {
  @Test
  void openTelekomCloudRegions() {
    Region de = Region.of("eu-de");
    assertEquals(Region.Cloud.OPEN_TELEKOM_CLOUD, de.cloud());
    assertEquals(URI.create("https://sfs-turbo.eu-de.otc.t-systems.com"), de.endpoint());
    assertEquals(URI.create("https://iam.eu-de.otc.t-systems.com"), de.iamEndpoint());
    assertEquals(URI.create("https://sfs-turbo.eu-nl.otc.t-systems.com"), Region.of("eu-nl").endpoint());
  }

  @Test
  void huaweiCloudRegions() {
    assertEquals(URI.create("https://sfs-turbo.cn-north-4.myhuaweicloud.com"), Region.of("cn-north-4").endpoint());
    assertEquals(URI.create("https://iam.ap-southeast-1.myhuaweicloud.com"), Region.of("ap-southeast-1").iamEndpoint());
    assertEquals(URI.create("https://sfs-turbo.eu-west-101.myhuaweicloud.eu"), Region.of("eu-west-101").endpoint());
  }

  @Test
  void unknownRegionListsTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Region.of("mars-1"));
    assertTrue(e.getMessage().contains("'mars-1'"), e.getMessage());
    assertTrue(e.getMessage().contains("eu-de") && e.getMessage().contains("cn-north-4"), e.getMessage());
  }
}
