// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.testkit.EmulatorAuth;
import io.sfsturbo.jobs.testkit.JobScript;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the CLI takes credentials and the project id from, in the documented order: flags, then the
 * environment, then the credentials profile. The emulator accepts only the profile's AK/SK and project,
 * so a run that succeeds proves which source was used, and one that gets a 401 or 404 proves another won.
 */
@Timeout(60)
class ProfileChainTest {
  static final String PROFILE_AK = "PROFILEAK";
  static final String PROFILE_SK = "PROFILE-SK-SECRET-4d2c";

  @TempDir
  Path home;
  CliRun cli;
  SfsTurboEmulator emulator;

  @BeforeEach
  void start() throws IOException {
    emulator = SfsTurboEmulator.builder().projectId("profile-project").auth(EmulatorAuth.akSk(PROFILE_AK, PROFILE_SK))
        .build().start();
    emulator.addJob(JobScript.builder("job-1").succeeds().build());
    cli = new CliRun(home);
    Files.createDirectories(home.resolve(".huaweicloud"));
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  void profile(String text) throws IOException {
    Files.write(home.resolve(".huaweicloud").resolve("credentials"), text.getBytes(StandardCharsets.UTF_8));
  }

  int show(String... more) {
    String[] base = {"show", "job-1", "--endpoint", emulator.endpoint().toString(), "--insecure-http"};
    String[] all = new String[base.length + more.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(more, 0, all, base.length, more.length);
    return cli.run(all);
  }

  @Test
  void theProfileAloneIsEnough() throws IOException {
    profile("[basic]\nak = " + PROFILE_AK + "\nsk = " + PROFILE_SK + "\nproject_id = profile-project\n");
    assertEquals(0, show(), cli.err());
    assertTrue(cli.out().contains("Status      success"), cli.out());
  }

  @Test
  void theVariableNamesTheProfile() throws IOException {
    Path file = Files.write(home.resolve("ci.ini"), ("[basic]\nak = " + PROFILE_AK + "\nsk = " + PROFILE_SK
        + "\nproject_id = profile-project\n").getBytes(StandardCharsets.UTF_8));
    cli.env.put("HUAWEICLOUD_SDK_CREDENTIALS_FILE", file.toString());
    assertEquals(0, show(), cli.err());
  }

  @Test
  void theEnvironmentWinsOverTheProfileAndFlagsOverBoth() throws IOException {
    profile("[basic]\nak = " + PROFILE_AK + "\nsk = " + PROFILE_SK + "\nproject_id = profile-project\n");
    cli.env.put("SFSTURBO_AUTH_TOKEN", "env-token");
    assertEquals(4, show(), "the token from the environment is used, and the emulator refuses it");
    assertTrue(cli.err().contains("HTTP 401"), cli.err());

    cli.env.remove("SFSTURBO_AUTH_TOKEN");
    cli.env.put("HUAWEICLOUD_SDK_PROJECT_ID", "env-project");
    assertEquals(4, show(), "the environment's project id is used");
    assertTrue(cli.err().contains("env-project") || cli.err().contains("HTTP 4"), cli.err());
    assertEquals(0, show("--project-id", "profile-project"), "the flag wins over the environment: " + cli.err());

    Path tokenFile = Files.write(home.resolve("token"), "file-token\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(4, show("--project-id", "profile-project", "--token-file", tokenFile.toString()),
        "--token-file wins over the profile");
  }

  @Test
  void aBrokenProfileIsASetupErrorNamingFileAndLineNeverASecret() throws IOException {
    profile("[basic]\nak = " + PROFILE_AK + "\n" + PROFILE_SK + "\n");
    assertEquals(2, show(), cli.err());
    assertTrue(cli.err().startsWith("error: credentials profile: " + home.resolve(".huaweicloud/credentials")
        + " line 3: expected 'key = value'"), cli.err());
    assertFalse(cli.err().contains("SECRET"), cli.err());
  }

  @Test
  void aBrokenProfileDoesNotStopWhoNeedsNone() throws IOException {
    profile("garbage\n");
    Path tokenFile = Files.write(home.resolve("token"), "file-token\n".getBytes(StandardCharsets.UTF_8));
    assertEquals(4, show("--project-id", "profile-project", "--token-file", tokenFile.toString()),
        "got past setup to the emulator's 401: " + cli.err());
    assertTrue(cli.err().contains("HTTP 401"), cli.err());
  }

  @Test
  void theRegionComesFromTheFlagThenTheVariable() {
    cli.env.put("HUAWEICLOUD_SDK_REGION", "mars-1");
    assertEquals(2, cli.run("show", "job-1", "--project-id", "p"));
    assertTrue(cli.err().startsWith("error: HUAWEICLOUD_SDK_REGION: "), cli.err());
    assertEquals(2, cli.run("show", "job-1", "--project-id", "p", "--region", "venus-2"));
    assertTrue(cli.err().startsWith("error: --region: "), cli.err());
  }
}
