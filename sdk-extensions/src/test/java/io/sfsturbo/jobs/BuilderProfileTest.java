// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sfsturbo.jobs.auth.CredentialsProfile;
import io.sfsturbo.jobs.auth.DefaultCredentialsChain;
import io.sfsturbo.jobs.config.Environment;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client builder reads the credentials profile only when the environment leaves a gap: the project id
 * or the credentials (or both) come from it then, and a profile that is never needed is never read (a broken
 * one does not fail a client whose environment suffices).
 */
class BuilderProfileTest {
  @TempDir
  Path dir;
  final Map<String, String> env = new HashMap<>();

  String projectOfClient() {
    try (SfsTurboJobsClient client = SfsTurboJobsClient.builder().endpoint(URI.create("http://127.0.0.1:9/"))
        .httpConfiguration(h -> h.allowInsecureHttp(true)).environment(Environment.of(env, dir)).build()) {
      return client.projectId();
    }
  }

  void profile(String text) throws IOException {
    Path file = Files.write(dir.resolve("credentials"), text.getBytes(StandardCharsets.UTF_8));
    env.put(CredentialsProfile.ENV_CREDENTIALS_FILE, file.toString());
  }

  @Test
  void projectIdAndCredentialsFromTheProfile() throws IOException {
    profile("[basic]\nak = AK\nsk = SK\nproject_id = from-profile\n");
    assertEquals("from-profile", projectOfClient());
  }

  @Test
  void onlyTheCredentialsOrOnlyTheProjectIdFromTheProfile() throws IOException {
    profile("[basic]\nak = AK\nsk = SK\nproject_id = from-profile\n");
    env.put(DefaultCredentialsChain.ENV_PROJECT_ID, "from-env");
    assertEquals("from-env", projectOfClient());

    env.remove(DefaultCredentialsChain.ENV_PROJECT_ID);
    env.put(DefaultCredentialsChain.ENV_AUTH_TOKEN, "token");
    assertEquals("from-profile", projectOfClient());
  }

  @Test
  void anEnvironmentWithBothNeverReadsTheProfile() throws IOException {
    profile("not an INI file\n");
    env.put(DefaultCredentialsChain.ENV_PROJECT_ID, "from-env");
    env.put(DefaultCredentialsChain.ENV_AUTH_TOKEN, "token");
    assertEquals("from-env", projectOfClient());
  }

  @Test
  void aProjectIdThatCannotBeAHeaderIsRefusedNamingWhereItCameFrom() throws IOException {
    env.put(DefaultCredentialsChain.ENV_AUTH_TOKEN, "token");
    env.put(DefaultCredentialsChain.ENV_PROJECT_ID, "proj\u202eect");
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        this::projectOfClient);
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith(DefaultCredentialsChain.ENV_PROJECT_ID),
        e.getMessage());
    env.put(DefaultCredentialsChain.ENV_PROJECT_ID, "proj\u00e9");
    e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, this::projectOfClient);
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("printable ASCII"), e.getMessage());
  }
}
