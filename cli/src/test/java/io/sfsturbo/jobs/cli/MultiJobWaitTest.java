// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import io.sfsturbo.jobs.testkit.Fault;
import io.sfsturbo.jobs.testkit.JobScript;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code wait JOB_ID...}: several jobs at once, with mixed outcomes, their exit code and their output. */
@Timeout(60)
class MultiJobWaitTest {
  @TempDir
  Path home;
  CliRun cli;
  SfsTurboEmulator emulator;

  @BeforeEach
  void start() {
    emulator = SfsTurboEmulator.builder().build().start();
    emulator.addJob(JobScript.builder("ok-1").status("running", 2).succeeds().build());
    emulator.addJob(JobScript.builder("ok-2").status("waiting", 1).status("running", 1).succeeds().build());
    emulator.addJob(JobScript.builder("bad").status("running", 2).fails("SFS.TURBO.0038", "disk full").build());
    emulator.addJob(JobScript.builder("forever").status("running", 1).neverEnds().build());
    emulator.addJob(JobScript.builder("denied").succeeds().build());
    emulator.enqueueFaults("denied", Fault.FORBIDDEN);
    cli = new CliRun(home);
    cli.env.put("SFSTURBO_AUTH_TOKEN", "emulator-token");
    cli.env.put("HUAWEICLOUD_SDK_PROJECT_ID", emulator.projectId());
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  int waitFor(String... args) {
    List<String> all = new ArrayList<>(List.of("wait"));
    all.addAll(List.of(args));
    all.addAll(List.of("--endpoint", emulator.endpoint().toString(), "--insecure-http", "--interval", "20ms"));
    return cli.run(all.toArray(new String[0]));
  }

  @Test
  void allSucceededExitsZeroWithASummary() {
    assertEquals(0, waitFor("ok-1", "ok-2"), cli.err());
    assertTrue(cli.err().contains("job ok-1 ended success after 3 polls"), cli.err());
    assertTrue(cli.err().contains("job ok-2 ended success after 3 polls"), cli.err());
    assertTrue(cli.err().endsWith("2 jobs: 2 succeeded, 0 failed, 0 timed out, 0 errors\n"), cli.err());
    assertEquals(2, cli.out().split("Status      success").length - 1, cli.out());
  }

  @Test
  void anyFailedJobExitsOneWhateverElseHappened() {
    // 3 s: room for the other jobs to end on a loaded machine (their polls come every 20 ms), "forever" then times out.
    assertEquals(1, waitFor("ok-1", "bad", "forever", "denied", "--timeout", "3s"), cli.err());
    String err = cli.err();
    assertTrue(err.contains("job ok-1 ended success"), err);
    assertTrue(err.contains("error: job 'bad' (bind_ldap) failed with SFS.TURBO.0038: disk full"), err);
    assertTrue(err.contains("error: gave up waiting for job 'forever'"), err);
    assertTrue(err.contains("error: ShowJobDetail of job 'denied' failed: HTTP 403"), err);
    assertTrue(err.endsWith("4 jobs: 1 succeeded, 1 failed, 1 timed out, 1 errors\n"), err);
  }

  @Test
  void aTimeoutWithoutFailureExitsThreeAndAnErrorAloneFour() {
    assertEquals(3, waitFor("ok-1", "forever", "denied", "--timeout", "1s"), cli.err());
    emulator.enqueueFaults("denied", Fault.FORBIDDEN);
    assertEquals(4, waitFor("ok-1", "denied"), cli.err());
  }

  @Test
  void jsonIsAnArrayOfTheFinalDocumentsAndNdjsonOneLineEach() {
    assertEquals(1, waitFor("ok-1", "bad", "-o", "json"), cli.err());
    JsonArray docs = JsonParser.parseString(cli.out()).getAsJsonArray();
    assertEquals(2, docs.size());
    assertEquals("success", docs.get(0).getAsJsonObject().get("status").getAsString());
    assertEquals("failed", docs.get(1).getAsJsonObject().get("status").getAsString());

    assertEquals(1, waitFor("ok-1", "bad", "--output", "NDJSON"), cli.err());
    String[] lines = cli.out().split("\n");
    assertEquals(2, lines.length, cli.out());
    // In the order the jobs ended (here, the same poll): each line goes out as its job ends.
    assertEquals(java.util.Set.of("ok-1", "bad"), java.util.Set.of(
        JsonParser.parseString(lines[0]).getAsJsonObject().get("job_id").getAsString(),
        JsonParser.parseString(lines[1]).getAsJsonObject().get("job_id").getAsString()));
  }

  @Test
  void manyJobsNeedNoThreadEach() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      ids.add("many-" + i);
      emulator.addJob(JobScript.builder("many-" + i).status("running", 3).succeeds().build());
    }
    int[] peak = {0};
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        // The client's threads only (the emulator in this JVM has its own): dispatcher threads are named so
        // when idle and after the URL they call when busy; the SDK's scheduler is sfsturbo-*.
        int client = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
          String name = t.getName();
          if (name.startsWith("OkHttp Dispatcher") || name.startsWith("OkHttp http") || name.startsWith("sfsturbo-")) {
            client++;
          }
        }
        peak[0] = Math.max(peak[0], client);
        Thread.onSpinWait();
      }
    });
    sampler.start();
    try {
      ids.add("--progress");
      ids.add("none");
      assertEquals(0, waitFor(ids.toArray(new String[0])), cli.err());
    } finally {
      sampler.interrupt();
      sampler.join();
    }
    assertEquals("", cli.err(), "--progress none: nothing on stderr when all succeeded");
    assertEquals(200, cli.out().split("Status      success").length - 1);
    // The waits hold no thread; the client's dispatcher runs a bounded number of calls at once.
    assertTrue(peak[0] > 0 && peak[0] < 200, "client threads at peak: " + peak[0] + " for 200 jobs");
  }
}
