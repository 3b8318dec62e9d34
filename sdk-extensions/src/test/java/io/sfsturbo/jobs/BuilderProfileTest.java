// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.sfsturbo.jobs.auth.CredentialsProfile;
import io.sfsturbo.jobs.auth.DefaultCredentialsChain;
import io.sfsturbo.jobs.internal.TestSeam;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code build()} reads the credentials profile once when the project id and the credentials both come from
 * it, and not at all when the environment has both: each search for the profile starts by asking the
 * environment for {@value CredentialsProfile#ENV_CREDENTIALS_FILE}, which is counted here.
 */
class BuilderProfileTest {
  @TempDir
  Path dir;
  final AtomicInteger searches = new AtomicInteger();
  final Map<String, String> env = new HashMap<String, String>() {
    private static final long serialVersionUID = 1L;

    @Override
    public String get(Object key) {
      if (CredentialsProfile.ENV_CREDENTIALS_FILE.equals(key)) {
        searches.incrementAndGet();
      }
      return super.get(key);
    }
  };

  String projectOfClient() {
    SfsTurboJobsClient.Builder b = SfsTurboJobsClient.builder().endpoint(URI.create("http://127.0.0.1:9/"))
        .allowInsecureHttp(true);
    TestSeam.of(b).environment(env);
    try (SfsTurboJobsClient client = b.build()) {
      return client.projectId();
    }
  }

  void profile(String text) throws IOException {
    Path file = Files.write(dir.resolve("credentials"), text.getBytes(StandardCharsets.UTF_8));
    env.put(CredentialsProfile.ENV_CREDENTIALS_FILE, file.toString());
  }

  @Test
  void projectIdAndCredentialsFromTheProfileReadItOnce() throws IOException {
    profile("[basic]\nak = AK\nsk = SK\nproject_id = from-profile\n");
    assertEquals("from-profile", projectOfClient());
    assertEquals(1, searches.get());
  }

  @Test
  void onlyTheCredentialsOrOnlyTheProjectIdFromTheProfileReadItOnce() throws IOException {
    profile("[basic]\nak = AK\nsk = SK\nproject_id = from-profile\n");
    env.put(DefaultCredentialsChain.ENV_PROJECT_ID, "from-env");
    assertEquals("from-env", projectOfClient());
    assertEquals(1, searches.getAndSet(0));

    env.remove(DefaultCredentialsChain.ENV_PROJECT_ID);
    env.put(DefaultCredentialsChain.ENV_AUTH_TOKEN, "token");
    assertEquals("from-profile", projectOfClient());
    assertEquals(1, searches.get());
  }

  @Test
  void anEnvironmentWithBothNeverReadsTheProfile() throws IOException {
    profile("not an INI file\n");
    env.put(DefaultCredentialsChain.ENV_PROJECT_ID, "from-env");
    env.put(DefaultCredentialsChain.ENV_AUTH_TOKEN, "token");
    assertEquals("from-env", projectOfClient());
    assertEquals(0, searches.get());
  }
}
