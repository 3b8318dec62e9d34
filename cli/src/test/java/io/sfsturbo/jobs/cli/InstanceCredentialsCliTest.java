// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.testkit.EmulatorAuth;
import io.sfsturbo.jobs.testkit.JobScript;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 23's "done when", credentials and regions half: from a shell with no credentials in the environment or
 * the profile, {@code sfsturbo-jobs wait JOB --region R} works against the test kit's metadata service and IAM
 * (the project id looked up once), reaching the jobs through a second endpoint when the first refuses
 * connections. The variables are those a user sets; only their values point at the emulator.
 */
@Timeout(60)
class InstanceCredentialsCliTest {
  static final String PROJECT = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

  @TempDir
  Path home;
  CliRun cli;
  SfsTurboEmulator emulator;

  @BeforeEach
  void start() {
    emulator = SfsTurboEmulator.builder().projectId(PROJECT).auth(EmulatorAuth.instanceMetadata(Duration.ofHours(1)))
        .build().start();
    emulator.addJob(JobScript.builder("job-1").status("running", 2).succeeds().build());
    cli = new CliRun(home);
    cli.env.putAll(emulator.environmentVariables());
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  static int refusingPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void waitWorksWithInstanceKeysALookedUpProjectAndASecondEndpoint() throws IOException {
    cli.env.put("HUAWEICLOUD_SDK_REGION_SFSTURBO_EU_DE", "http://127.0.0.1:" + refusingPort() + ","
        + emulator.endpoint());
    int code = cli.run("wait", "job-1", "--region", "eu-de", "--insecure-http", "--progress", "none",
        "--interval", "10ms");
    assertEquals(0, code, cli.err());
    assertTrue(cli.out().contains("success"), cli.out());
    assertEquals(1, emulator.projectLookups(), "the project id is looked up once");
    assertEquals(1, emulator.metadataKeyRequests(), "one set of keys serves the whole wait");
    assertEquals(3, emulator.pollsServed("job-1"));
    assertFalse(cli.err().contains("emu-temp-sk") || cli.err().contains("emu-sts"), cli.err());
  }

  @Test
  void plainHttpOverridesNeedTheFlagAndALoopbackAddress() {
    cli.env.put("HUAWEICLOUD_SDK_REGION_SFSTURBO_EU_DE", emulator.endpoint().toString());
    assertEquals(2, cli.run("wait", "job-1", "--region", "eu-de"));
    assertTrue(cli.err().startsWith("error: endpoint http://"), cli.err());
    assertTrue(cli.err().contains("(from HUAWEICLOUD_SDK_REGION_SFSTURBO_EU_DE) uses plain http"), cli.err());
    cli.env.put("HUAWEICLOUD_SDK_REGION_SFSTURBO_EU_DE", "http://192.0.2.10:8080");
    assertEquals(2, cli.run("wait", "job-1", "--region", "eu-de", "--insecure-http"));
    assertTrue(cli.err().contains("only to a loopback address"), cli.err());
    assertEquals(0, emulator.metadataKeyRequests() + emulator.projectLookups(), "refused before any request");
  }

  @Test
  void aBadOverrideNamesTheVariable() {
    cli.env.put("HUAWEICLOUD_SDK_REGION_SFSTURBO_EU_DE", "https://ok.example.com,https://user:pw@x.example.com");
    assertEquals(2, cli.run("show", "job-1", "--region", "eu-de"));
    assertTrue(cli.err().startsWith("error: HUAWEICLOUD_SDK_REGION_SFSTURBO_EU_DE item 2 must not contain user info"),
        cli.err());
    assertFalse(cli.err().contains("pw@"), cli.err());
  }
}
