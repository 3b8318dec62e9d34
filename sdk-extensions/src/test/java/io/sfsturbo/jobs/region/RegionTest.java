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

  /** The official SDK's SFSTurboRegion (v3.1.212, 32 ids) and Open Telekom Cloud's two regions, as the facts list them. */
  @Test
  void theCatalogueHoldsTheOfficialSdksRegionsAndOpenTelekomClouds() {
    String[] official = {"eu-west-101", "cn-east-2", "cn-east-3", "cn-east-4", "cn-east-5", "cn-north-1", "cn-north-2",
        "cn-north-4", "cn-north-9", "cn-north-11", "cn-north-12", "cn-south-1", "cn-south-2", "cn-south-4",
        "cn-southwest-2", "cn-southwest-3", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4",
        "ap-southeast-5", "sa-brazil-1", "la-south-2", "la-north-2", "af-south-1", "af-north-1", "na-mexico-1",
        "tr-west-1", "me-east-1", "ru-moscow-1", "my-kualalumpur-1", "ae-ad-1"};
    java.util.Set<String> expected = new java.util.HashSet<>(java.util.Arrays.asList(official));
    expected.add("eu-de");
    expected.add("eu-nl");
    assertEquals(expected, Region.knownIds());
    for (String id : official) {
      Region r = Region.of(id);
      assertEquals(Region.Cloud.HUAWEI_CLOUD, r.cloud());
      String domain = id.equals("eu-west-101") ? ".myhuaweicloud.eu" : ".myhuaweicloud.com";
      assertEquals(java.util.Collections.singletonList(URI.create("https://sfs-turbo." + id + domain)), r.endpoints());
      assertEquals(URI.create("https://iam." + id + domain), r.iamEndpoint());
    }
  }
}
