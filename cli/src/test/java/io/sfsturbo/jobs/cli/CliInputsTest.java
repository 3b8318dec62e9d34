// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What people type for the values of --endpoint, the durations and --region, right and wrong: a wrong one is a
 * usage or setup error (exit 2) whose first line names the flag or variable and says how to write it.
 */
@Timeout(30)
class CliInputsTest {
  @TempDir
  Path home;
  CliRun cli;

  @BeforeEach
  void setUp() {
    cli = new CliRun(home);
    cli.env.put("SFSTURBO_AUTH_TOKEN", "t");
  }

  /** Runs a command that must fail before any request; returns its error line. */
  String error(String... args) {
    assertEquals(ExitCodes.USAGE, cli.run(args), cli.err());
    assertEquals("", cli.out());
    String first = cli.err().split("\n")[0];
    assertTrue(first.startsWith("error: "), cli.err());
    assertFalse(cli.err().contains("Exception") || cli.err().contains("Invalid value for"), cli.err());
    return first.substring("error: ".length());
  }

  @Test
  void anEndpointWithoutASchemeGetsTheUrlItMeant() {
    assertEquals("--endpoint: add a scheme, for example http://localhost:18080 with --insecure-http",
        error("show", "job-1", "--endpoint", "localhost:18080", "--project-id", "p"));
    assertEquals("--endpoint: add a scheme, for example http://127.0.0.1:18080 with --insecure-http",
        error("wait", "job-1", "--endpoint", "127.0.0.1:18080", "--project-id", "p"));
    assertEquals("--endpoint: add a scheme, for example http://[::1]:18080 with --insecure-http",
        error("wait", "job-1", "--endpoint", "[::1]:18080", "--project-id", "p"));
    assertEquals("--endpoint: add a scheme, for example https://sfs-turbo.eu-de.otc.t-systems.com",
        error("wait", "job-1", "--endpoint", "sfs-turbo.eu-de.otc.t-systems.com", "--project-id", "p"));
  }

  @Test
  void aBrokenEndpointSaysWhatIsWrongWithoutEchoingIt() {
    assertEquals("--endpoint: not a URL: Illegal character in authority at index 8",
        error("show", "job-1", "--endpoint", "https://exa mple.com/", "--project-id", "p"));
    assertTrue(error("show", "job-1", "--endpoint", "ftp://127.0.0.1/", "--project-id", "p")
        .startsWith("--endpoint: use https:// (or http:// with --insecure-http"), cli.err());
    String userInfo = error("show", "job-1", "--endpoint", "https://admin:S3CRET@127.0.0.1/", "--project-id", "p");
    assertTrue(userInfo.startsWith("--endpoint: must not hold user:password@"), userInfo);
    assertFalse(cli.err().contains("S3CRET"), cli.err());
    assertFalse(error("show", "job-1", "--endpoint", "admin:S3CRET@127.0.0.1:1", "--project-id", "p")
        .contains("S3CRET"), "a scheme-less value with user info is not echoed either");
    assertEquals("--endpoint: must not have a query (?...) or a fragment (#...)",
        error("show", "job-1", "--endpoint", "https://127.0.0.1/?a=b", "--project-id", "p"));
  }

  @Test
  void durationsAreReadAsPeopleWriteThem() {
    DurationConverter c = new DurationConverter();
    assertEquals(Duration.ofMinutes(90), c.convert("1h30m"));
    assertEquals(Duration.ofSeconds(90), c.convert("1m30s"));
    assertEquals(Duration.ofMillis(1500), c.convert("1.5s"));
    assertEquals(Duration.ofSeconds(30), c.convert("0.5m"));
    assertEquals(Duration.ofSeconds(125), c.convert("2m 05s"), "as the CLI prints durations");
    assertEquals(Duration.ofMillis(2500), c.convert("2s500ms"));
    assertEquals(Duration.ofHours(36), c.convert("1.5d"));
    assertEquals(Duration.ofMinutes(90), c.convert("1.5H"));
    assertEquals(Duration.ofSeconds(30), c.convert(" PT30S "));
    assertEquals(Duration.ofMillis(500), c.convert("500ms"));
    assertEquals(DurationConverter.MAX, c.convert("8760h"));
  }

  @Test
  void aWrongDurationNamesItsFlagAndOneMessageCoversEveryNonPositiveValue() {
    assertEquals("--timeout: '30' has no unit; for example 30s or 5m",
        error("wait", "job-1", "--emulator", "--timeout", "30"));
    for (String nonPositive : List.of("0", "0s", "-5s", "-5", "0.0m", "-1h30m", "PT0S", "-PT5S")) {
      assertEquals("--interval: '" + nonPositive + "' is not a positive duration; for example 30s or 5m",
          error("wait", "job-1", "--emulator", "--interval", nonPositive), nonPositive);
    }
    assertEquals("--timeout: 'soon' is not a duration; write e.g. 500ms, 30s, 1m30s, 1.5h or PT30S",
        error("show", "job-1", "--emulator", "--timeout", "soon"));
    assertEquals("--timeout: '30s1m': write the units from the largest to the smallest, each once, for example "
        + "1h30m or 1m30s", error("wait", "job-1", "--emulator", "--timeout", "30s1m"));
    assertEquals("--timeout: '1.5ms': milliseconds are whole; for example 1500ms or 1.5s",
        error("wait", "job-1", "--emulator", "--timeout", "1.5ms"));
    assertEquals("--timeout: '366d' is too long; at most 365 days (8760h) is allowed",
        error("wait", "job-1", "--emulator", "--timeout", "366d"));
    assertEquals("--latency: '99999999999999999999999999h' is too long; at most 365 days (8760h) is allowed",
        error("emulate", "--latency", "99999999999999999999999999h"));
    assertThrows(CommandLine.TypeConversionException.class, () -> new DurationConverter().convert("1h 30"));
  }

  @Test
  void aMistypedRegionGetsTheClosestKnownOne() {
    assertEquals("--region: unknown region 'eu-dee'; did you mean eu-de? (or set --endpoint)",
        error("wait", "job-1", "--region", "eu-dee", "--project-id", "p"));
    assertEquals("--region: unknown region 'EU-DE'; did you mean eu-de? (or set --endpoint)",
        error("show", "job-1", "--region", "EU-DE", "--project-id", "p"));
    assertEquals("--region: unknown region 'ap-southaest-1'; did you mean ap-southeast-1? (or set --endpoint)",
        error("show", "job-1", "--region", "ap-southaest-1", "--project-id", "p"));
    assertEquals("--region: unknown region 'ap-southeast-l'; did you mean ap-southeast-1, ap-southeast-2, "
        + "ap-southeast-3, ap-southeast-4 or ap-southeast-5? (or set --endpoint)",
        error("show", "job-1", "--region", "ap-southeast-l", "--project-id", "p"), "equally close: all of them");
    cli.env.put("HUAWEICLOUD_SDK_REGION", "cn-north-5");
    assertEquals("HUAWEICLOUD_SDK_REGION: unknown region 'cn-north-5'; did you mean cn-north-1, cn-north-2, "
        + "cn-north-4 or cn-north-9? (or set --endpoint)", error("wait", "job-1", "--project-id", "p"));
    // An id the catalogue lacks is a region once an override names its endpoints (then it is not refused here).
    cli.env.put("HUAWEICLOUD_SDK_REGION_SFSTURBO_CN_NORTH_5", "http://203.0.113.7");
    assertEquals("endpoint http://203.0.113.7 of region cn-north-5 (from HUAWEICLOUD_SDK_REGION_SFSTURBO_CN_NORTH_5) "
        + "uses plain http, which would send credentials in clear; use https, or add --insecure-http for a local "
        + "emulator on 127.0.0.1, ::1 or localhost", error("wait", "job-1", "--project-id", "p"));
  }

  @Test
  void aRegionLikeNoneListsTheKnownOnes() {
    String e = error("wait", "job-1", "--region", "mars-1", "--project-id", "p");
    assertTrue(e.startsWith("--region: unknown region 'mars-1'; known regions: cn-north-1, "), e);
    assertTrue(e.endsWith(", eu-de, eu-nl (or set --endpoint)"), e);
    assertFalse(e.contains("did you mean"), e);
    assertTrue(RegionChoice.closest("eu").isEmpty(), "two edits from eu-de, but that is most of a short id");
    assertEquals(List.of("eu-nl"), RegionChoice.closest("eu-ln"), "a swap of two neighbours is one edit");
    assertTrue(RegionChoice.closest("x".repeat(10_000)).isEmpty());
  }
}
