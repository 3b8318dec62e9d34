// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The emulated sub-jobs' {@code job_type}, {@code begin_time} and {@code end_time}, read from the
 * raw JSON (the SDK's parsing is not under test here).
 */
@Timeout(20)
class EmulatorSubJobTest {
  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private SfsTurboEmulator emulator;
  private OkHttpClient http;

  @BeforeEach
  void start() {
    emulator = SfsTurboEmulator.builder().clock(clock).build().start();
    http = new OkHttpClient();
  }

  @AfterEach
  void stop() {
    emulator.close();
    http.dispatcher().executorService().shutdownNow();
    http.connectionPool().evictAll();
  }

  private JsonObject poll(String jobId) throws IOException {
    Request request = new Request.Builder()
        .url(emulator.endpoint().resolve("v1/" + emulator.projectId() + "/sfs-turbo/jobs/" + jobId).toString())
        .header("X-Auth-Token", "emulator-token").build();
    try (Response r = http.newCall(request).execute()) {
      assertEquals(200, r.code());
      return JsonParser.parseString(r.body().string()).getAsJsonObject();
    }
  }

  private static JsonObject sub(JsonObject job, int i) {
    return job.getAsJsonArray("sub_jobs").get(i).getAsJsonObject();
  }

  private static String text(Duration sinceT0) {
    // The API's format: UTC, to the second, no zone.
    return T0.plus(sinceT0).toString().replace('T', ' ').replace("Z", "");
  }

  @Test
  void pollDrivenSubJobsEndAtThePollTheyEndedAndInheritTheJobsType() throws IOException {
    emulator.addJob(JobScript.builder("job").jobType("expand").status("running", 3).succeeds()
        .subJob(JobScript.builder("a").status("running", 1).succeeds())
        .subJob(JobScript.builder("b").jobType("expand_node").status("running", 2).fails("E1", "bad disk"))
        .build());

    JsonObject first = poll("job");
    assertEquals("expand", sub(first, 0).get("job_type").getAsString(), "an untyped sub-job takes its job's type");
    assertEquals("expand_node", sub(first, 1).get("job_type").getAsString());
    assertEquals(first.get("begin_time"), sub(first, 0).get("begin_time"));
    assertFalse(sub(first, 0).has("end_time"), "a running sub-job has no end_time");
    assertFalse(first.has("end_time"));

    clock.advance(Duration.ofSeconds(10));
    JsonObject second = poll("job");
    assertEquals("success", sub(second, 0).get("status").getAsString());
    assertEquals(text(Duration.ofSeconds(10)), sub(second, 0).get("end_time").getAsString());
    assertFalse(sub(second, 1).has("end_time"));

    clock.advance(Duration.ofSeconds(10));
    JsonObject third = poll("job");
    assertEquals(text(Duration.ofSeconds(10)), sub(third, 0).get("end_time").getAsString(), "an end_time is fixed once set");
    assertEquals("failed", sub(third, 1).get("status").getAsString());
    assertEquals(text(Duration.ofSeconds(20)), sub(third, 1).get("end_time").getAsString());
    assertEquals("E1", sub(third, 1).get("error_code").getAsString());

    clock.advance(Duration.ofSeconds(10));
    JsonObject last = poll("job");
    assertEquals("success", last.get("status").getAsString());
    assertEquals(text(Duration.ofSeconds(30)), last.get("end_time").getAsString());
    assertEquals(text(Duration.ZERO), sub(last, 1).get("begin_time").getAsString());
  }

  @Test
  void timeDrivenSubJobsEndWhenTheirPhasesRunOutAndTheJobNotBefore() throws IOException {
    emulator.addJob(JobScript.builder("job").status("running", Duration.ofSeconds(40)).succeeds()
        .subJob(JobScript.builder("short").status("running", Duration.ofSeconds(20)).succeeds())
        .subJob(JobScript.builder("long").status("running", Duration.ofSeconds(60)).fails("E2", "slow"))
        .build());
    clock.advance(Duration.ofMinutes(5));   // one late poll sees everything ended
    JsonObject job = poll("job");
    assertEquals(JobScript.DEFAULT_JOB_TYPE, job.get("job_type").getAsString());
    assertEquals(JobScript.DEFAULT_JOB_TYPE, sub(job, 0).get("job_type").getAsString());
    assertEquals(text(Duration.ofSeconds(20)), sub(job, 0).get("end_time").getAsString());
    assertEquals(text(Duration.ofSeconds(60)), sub(job, 1).get("end_time").getAsString());
    assertEquals(text(Duration.ofSeconds(60)), job.get("end_time").getAsString(),
        "the job's own phases ran out at 40 s, but its end must not precede its sub-job's");
  }

  @Test
  void aSubJobThatOutlivesItsEndedJobIsNotReportedEndingAfterIt() throws IOException {
    emulator.addJob(JobScript.builder("job").status("running", 1).succeeds()
        .subJob(JobScript.builder("slow").status("running", 3).succeeds()).build());
    poll("job");
    clock.advance(Duration.ofSeconds(10));
    JsonObject ended = poll("job");
    assertEquals(text(Duration.ofSeconds(10)), ended.get("end_time").getAsString());
    clock.advance(Duration.ofSeconds(10));
    poll("job");
    clock.advance(Duration.ofSeconds(10));
    JsonObject late = poll("job");
    assertEquals("success", sub(late, 0).get("status").getAsString());
    assertEquals(text(Duration.ofSeconds(10)), sub(late, 0).get("end_time").getAsString());
    assertEquals(text(Duration.ofSeconds(10)), late.get("end_time").getAsString());
  }

  @Test
  void subJobTypeInheritanceDoesNotDependOnCallOrder() {
    JobScript typedLater = JobScript.builder("job").subJob(JobScript.builder("s")).jobType("expand").build();
    assertEquals("expand", typedLater.subJobs().get(0).jobType());
    JobScript untyped = JobScript.builder("s").build();
    assertEquals(JobScript.DEFAULT_JOB_TYPE, untyped.jobType());
    assertEquals("own", JobScript.builder("job").jobType("expand")
        .subJob(JobScript.builder("s").jobType("own")).build().subJobs().get(0).jobType());
    assertTrue(JobScript.builder("job").subJob(untyped).build().subJobs().get(0) != untyped,
        "the job's list holds a typed copy; the sub-job's own script is unchanged");
    assertEquals(JobScript.DEFAULT_JOB_TYPE, untyped.jobType());
  }
}
