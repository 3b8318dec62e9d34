// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every setup and usage error: exit code 2, one line in the CLI's language (flags and variables, never
 * builder methods), naming the fix; nothing is sent anywhere. The endpoints are unroutable or refused, so a
 * test that wrongly got past setup would fail on the exit code, not hang.
 */
@Timeout(30)
class CliErrorsTest {
  /** Words of the SDK's builder that a person with only flags cannot act on. */
  static final List<String> BUILDER_WORDS = List.of("credentials(", "allowInsecureHttp", "projectId", "builder",
      "region(", "endpoint(");

  @TempDir
  Path home;
  CliRun cli;

  @BeforeEach
  void setUp() {
    cli = new CliRun(home);
  }

  void assertSetupError(String expected, String... args) {
    assertEquals(ExitCodes.USAGE, cli.run(args), cli.err());
    String[] lines = cli.err().split("\n");
    assertTrue(lines[0].startsWith("error: ") && lines[0].contains(expected), cli.err());
    for (String word : BUILDER_WORDS) {
      assertFalse(cli.err().contains(word), "speaks builder (" + word + "): " + cli.err());
    }
    assertEquals("", cli.out());
  }

  @Test
  void noCredentialsNamesTheVariablesAndTheFlag() {
    cli.env.put("HUAWEICLOUD_SDK_PROJECT_ID", "p");
    assertSetupError("no credentials: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK", "show", "job-1", "--region", "eu-de");
    assertTrue(cli.err().contains("SFSTURBO_AUTH_TOKEN") && cli.err().contains("--token-file"), cli.err());
    assertTrue(cli.err().contains("~/.huaweicloud/credentials"), cli.err());
    assertTrue(cli.err().contains("or run on a cloud server whose agency gives keys through the instance metadata "
        + "service (the instance metadata service at http://127.0.0.1:1: PUT /meta-data/latest/api/token could not "
        + "connect"), cli.err());
  }

  @Test
  void halfAnAkSkPairOrABadValueNamesTheVariableNeverTheValue() {
    cli.env.put("HUAWEICLOUD_SDK_PROJECT_ID", "p");
    cli.env.put("HUAWEICLOUD_SDK_AK", "AKSECRETVALUE");
    assertSetupError("HUAWEICLOUD_SDK_SK", "wait", "job-1", "--region", "eu-de");
    cli.env.put("HUAWEICLOUD_SDK_SK", "sk with\u0001control-SECRET");
    assertSetupError("HUAWEICLOUD_SDK_SK", "wait", "job-1", "--region", "eu-de");
    assertFalse(cli.err().contains("SECRET"), cli.err());
  }

  @Test
  void missingProjectIdNamesTheFlagAndTheVariable() {
    cli.env.put("SFSTURBO_AUTH_TOKEN", "t");
    assertSetupError("no project id: pass --project-id or set HUAWEICLOUD_SDK_PROJECT_ID", "wait", "job-1",
        "--endpoint", "https://sfs-turbo.example.com");
    assertTrue(cli.err().contains("or pass --region instead of --endpoint"), cli.err());
  }

  @Test
  void missingRegionNamesFlagsAndVariable() {
    assertSetupError("no region: pass --region", "wait", "job-1");
    assertTrue(cli.err().contains("HUAWEICLOUD_SDK_REGION") && cli.err().contains("--emulator"), cli.err());
    cli.env.put("HUAWEICLOUD_SDK_REGION", "mars-1");
    assertSetupError("HUAWEICLOUD_SDK_REGION", "wait", "job-1");
    cli.env.remove("HUAWEICLOUD_SDK_REGION");
    assertSetupError("--region", "wait", "job-1", "--region", "mars-1");
  }

  @Test
  void anUnreadableTokenFileIsASetupErrorNamingTheFlag() {
    assertSetupError("--token-file /nonexistent: no such file", "wait", "job-1", "--region", "eu-de",
        "--project-id", "p", "--token-file", "/nonexistent");
    assertSetupError("is a directory", "show", "job-1", "--region", "eu-de", "--project-id", "p",
        "--token-file", home.toString());
  }

  @Test
  void plainHttpNeedsInsecureHttp() {
    cli.env.put("SFSTURBO_AUTH_TOKEN", "t");
    assertSetupError("uses plain http", "show", "job-1", "--endpoint", "http://127.0.0.1:1/", "--project-id", "p");
    assertTrue(cli.err().contains("--insecure-http"), cli.err());
  }

  @Test
  void insecureHttpIsRefusedForAnyHostButLoopback() {
    cli.env.put("SFSTURBO_AUTH_TOKEN", "t");
    for (String host : List.of("http://10.0.0.1/", "http://example.com/", "http://127.0.0.1.nip.io/",
        "http://[2001:db8::1]:8080/", "http://0.0.0.0/", "http://localhost.example.com/")) {
      assertSetupError("--insecure-http allows plain http only to a loopback address", "show", "job-1",
          "--endpoint", host, "--insecure-http", "--project-id", "p");
    }
  }

  @Test
  void loopbackIsDecidedFromTheTextWithoutDns() {
    for (String host : List.of("127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "[::1]", "::1")) {
      assertTrue(Endpoints.isLoopback(host), host);
    }
    for (String host : List.of("10.0.0.1", "example.com", "127.0.0.1.nip.io", "[2001:db8::1]", "0.0.0.0", "")) {
      assertFalse(Endpoints.isLoopback(host), host);
    }
  }

  @Test
  void insecureHttpOnLoopbackGetsPastSetup() {
    cli.env.put("SFSTURBO_AUTH_TOKEN", "t");
    // Port 1 refuses: the transport error (4) proves that the endpoint was accepted.
    assertEquals(ExitCodes.ERROR, cli.run("show", "job-1", "--endpoint", "http://127.0.0.1:1/", "--insecure-http",
        "--project-id", "p", "--timeout", "2s"), cli.err());
  }

  @Test
  void aUsageErrorIsOneLineAndWhereToReadMore() {
    assertEquals(ExitCodes.USAGE, cli.run("wait", "--bogus", "job-1"));
    assertEquals(List.of("error: Unknown option: '--bogus'", "Try 'sfsturbo-jobs wait --help' for more information."),
        List.of(cli.err().split("\n")));
    assertEquals(ExitCodes.USAGE, cli.run("wait", "job-1", "--timout", "5s", "--emulator"));
    String[] lines = cli.err().split("\n");
    assertEquals(2, lines.length, cli.err());
    assertTrue(lines[0].contains("did you mean --timeout"), cli.err());
    assertEquals(ExitCodes.USAGE, cli.run("show", "demo-success", "--emulator", "-o", "xml"));
    assertTrue(cli.err().contains("table, json, ndjson"), cli.err());
    assertEquals(2, cli.err().split("\n").length, cli.err());
    assertEquals(ExitCodes.USAGE, cli.run("wait", "a", "b", "a", "--emulator"));
    assertTrue(cli.err().startsWith("error: JOB_ID 'a' is given twice"), cli.err());
    assertEquals(ExitCodes.USAGE, cli.run());
    assertTrue(cli.err().startsWith("error: name a command"), cli.err());
  }
}
