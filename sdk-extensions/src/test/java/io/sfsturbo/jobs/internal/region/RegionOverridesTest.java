// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.region;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.config.Environment;
import io.sfsturbo.jobs.region.Region;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official SDKs' endpoint overrides: the variable, then regions.yaml, then the catalogue. */
class RegionOverridesTest {
  @TempDir
  Path home;
  final Map<String, String> vars = new HashMap<>();

  Environment env() {
    return Environment.of(vars, home);
  }

  Path yaml(String text) throws IOException {
    Path dir = Files.createDirectories(home.resolve(".huaweicloud"));
    return Files.write(dir.resolve("regions.yaml"), text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theVariableNameIsTheRegionUpperCasedWithUnderscores() {
    assertEquals("HUAWEICLOUD_SDK_REGION_SFSTURBO_EU_WEST_101", RegionOverrides.variable("eu-west-101"));
    vars.put("HUAWEICLOUD_SDK_REGION_SFSTURBO_EU_WEST_101", "sfs-a.example.eu, https://sfs-b.example.eu/base");
    Region r = Region.resolve("eu-west-101", env());
    assertEquals(Arrays.asList(URI.create("https://sfs-a.example.eu/"), URI.create("https://sfs-b.example.eu/base/")),
        r.endpoints(), "no scheme means https; items are trimmed");
    assertEquals(Region.Cloud.HUAWEI_CLOUD, r.cloud());
    assertEquals(URI.create("https://iam.eu-west-101.myhuaweicloud.eu"), r.iamEndpoint(), "the catalogue's IAM stays");
    assertEquals("HUAWEICLOUD_SDK_REGION_SFSTURBO_EU_WEST_101", r.source());
  }

  @Test
  void aRegionTheCatalogueLacksIsARegionOnceOverridden() {
    vars.put("HUAWEICLOUD_SDK_REGION_SFSTURBO_MARS_1", "https://sfs.mars.example.com");
    Region r = Region.resolve("mars-1", env());
    assertEquals(Region.Cloud.CUSTOM, r.cloud());
    assertNull(r.iamEndpoint());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Region.resolve("venus-1", env()));
    assertTrue(e.getMessage().startsWith("unknown region 'venus-1'; known regions: cn-north-1, "), e.getMessage());
  }

  @Test
  void aBadItemIsNamedByVariableAndIndexNeverShown() {
    vars.put("HUAWEICLOUD_SDK_REGION_SFSTURBO_EU_DE", "https://a.example.com,,https://b.example.com");
    assertEquals("HUAWEICLOUD_SDK_REGION_SFSTURBO_EU_DE item 2 is empty; give an endpoint such as https://host",
        assertThrows(IllegalArgumentException.class, () -> Region.resolve("eu-de", env())).getMessage());
    vars.put("HUAWEICLOUD_SDK_REGION_SFSTURBO_EU_DE", "https://admin:s3cret@a.example.com?x=1");
    String m = assertThrows(IllegalArgumentException.class, () -> Region.resolve("eu-de", env())).getMessage();
    assertTrue(m.startsWith("HUAWEICLOUD_SDK_REGION_SFSTURBO_EU_DE must not contain user info"), m);
    assertFalse(m.contains("s3cret"), m);
    vars.put("HUAWEICLOUD_SDK_REGION_SFSTURBO_EU_DE", "ftp://a.example.com");
    assertEquals("HUAWEICLOUD_SDK_REGION_SFSTURBO_EU_DE must be an http(s) URL",
        assertThrows(IllegalArgumentException.class, () -> Region.resolve("eu-de", env())).getMessage());
  }

  @Test
  void theRegionsFileInItsDocumentedShapes() throws IOException {
    yaml("# endpoints of my private cloud\n"
        + "ECS:\n"
        + "  - id: 'eu-de'\n"
        + "    endpoint: 'https://ecs.example.com'\n"
        + "sfsturbo:\n"
        + "  - id: 'eu-de'\n"
        + "    endpoints:\n"
        + "      - 'https://sfs-1.example.com'   # primary\n"
        + "      - https://sfs-2.example.com\n"
        + "  - id: eu-nl\n"
        + "    endpoint: \"https://sfs.nl.example.com\"\n"
        + "    endpoints: [https://sfs-nl-2.example.com, 'https://sfs-nl-3.example.com']\n"
        + "OTHER: []\n");
    Region de = Region.resolve("eu-de", env());
    assertEquals(Arrays.asList(URI.create("https://sfs-1.example.com/"), URI.create("https://sfs-2.example.com/")),
        de.endpoints());
    assertEquals("the regions file " + home.resolve(".huaweicloud/regions.yaml") + " line 6", de.source());
    assertEquals(3, Region.resolve("eu-nl", env()).endpoints().size());
    assertEquals(Region.of("cn-north-4"), Region.resolve("cn-north-4", env()), "not in the file: the catalogue");
    vars.put("HUAWEICLOUD_SDK_REGION_SFSTURBO_EU_DE", "https://from-variable.example.com");
    assertEquals(URI.create("https://from-variable.example.com/"), Region.resolve("eu-de", env()).endpoint(),
        "the variable wins over the file");
  }

  @Test
  void aFileOutsideTheShapeIsRefusedByLineWithoutItsText() throws IOException {
    String[][] cases = {
        {"SFSTURBO:\n  - id: eu-de\n    endpoint: &a https://x\n", "line 3: endpoint: a YAML feature beyond plain and quoted values"},
        {"SFSTURBO:\n  - id: eu-de\n    region: eu\n", "line 3: expected 'id:', 'endpoint:' or 'endpoints:'"},
        {"SFSTURBO:\n  - id: eu-de\n", "line 2: region eu-de has no 'endpoint:' or 'endpoints:'"},
        {"SFSTURBO:\n\t- id: eu-de\n", "line 2: a tab in the indentation (YAML indents with spaces)"},
        {"SFSTURBO:\n  - id: eu-de\n    endpoint: https://a\n  - id: eu-de\n    endpoint: https://b\n",
            "line 4: region eu-de is given twice in this service (first on line 2)"},
        {"SFSTURBO:\n  - id: eu-de\n      endpoint: https://a\n", "line 3: indented 6 spaces where the keys of the region on line 2 are indented 4"},
        {"  - id: eu-de\n", "line 1: an indented line before any service name (such as SFSTURBO:)"}};
    for (String[] c : cases) {
      yaml(c[0]);
      String m = assertThrows(IllegalArgumentException.class, () -> Region.resolve("eu-de", env())).getMessage();
      assertEquals("the regions file " + home.resolve(".huaweicloud/regions.yaml") + " " + c[1], m);
    }
  }

  @Test
  void aNamedFileMustExistAndBeNamedLikeTheOfficialSdksWant() throws IOException {
    assertEquals(Region.of("eu-de"), Region.resolve("eu-de", env()), "no default file: no override");
    vars.put("HUAWEICLOUD_SDK_REGIONS_FILE", home.resolve("missing.yaml").toString());
    assertEquals("HUAWEICLOUD_SDK_REGIONS_FILE (" + home.resolve("missing.yaml") + ") no such file",
        assertThrows(IllegalArgumentException.class, () -> Region.resolve("eu-de", env())).getMessage());
    Path ini = Files.write(home.resolve("regions.ini"), "x".getBytes(StandardCharsets.UTF_8));
    vars.put("HUAWEICLOUD_SDK_REGIONS_FILE", ini.toString());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Region.resolve("eu-de", env())).getMessage()
        .endsWith(": the file's name must end in .yaml or .yml and hold only letters, digits, '.', '_', '-' and spaces"));
  }

  @Test
  void regionIdsAreCheckedWhereTheyEnter() {
    assertEquals("region may hold only ASCII letters, digits, '-', '_' and '.': U+202E at index 2",
        assertThrows(IllegalArgumentException.class, () -> Region.requireValidId("region", "eu\u202e-de")).getMessage());
    assertThrows(IllegalArgumentException.class, () -> Region.requireValidId("region", " "));
    assertThrows(IllegalArgumentException.class, () -> Region.requireValidId("region", "a".repeat(65)));
  }
}
