// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** The model generated from the spec by the project's templates, with the hand-written behaviour it takes on. */
class GeneratedModelTest {
  private static final Gson GSON = new Gson();

  @Test
  void statusIsAnOpenEnumWhoseTerminalValuesComeFromTheSpec() {
    assertSame(JobStatus.SUCCESS, JobStatus.fromValue("success"));
    assertSame(JobStatus.SUCCESS, JobStatus.fromValue(" SUCCESS "));
    assertSame(JobStatus.UNKNOWN_TO_SDK_VERSION, JobStatus.fromValue("cancelled"));
    assertNull(JobStatus.fromValue(null));
    assertEquals(EnumSet.of(JobStatus.SUCCESS, JobStatus.FAILED), terminal());
    assertEquals(4, JobStatus.knownValues().size());
    assertEquals("success", JobStatus.SUCCESS.value());
    assertNull(JobStatus.UNKNOWN_TO_SDK_VERSION.value());
  }

  private static EnumSet<JobStatus> terminal() {
    EnumSet<JobStatus> terminal = EnumSet.noneOf(JobStatus.class);
    for (JobStatus s : JobStatus.values()) {
      if (s.isTerminal()) {
        terminal.add(s);
      }
    }
    return terminal;
  }

  @Test
  void aStatusCanBeSwitchedOnAndItsTextIsKept() {
    JobDetail job = GSON.fromJson("{\"job_id\":\"j\",\"status\":\"Cancelled\"}", JobDetail.class);
    String seen;
    switch (job.status()) {
      case SUCCESS:
      case FAILED:
        seen = "ended";
        break;
      case UNKNOWN_TO_SDK_VERSION:
        seen = "unknown " + job.statusAsString();
        break;
      default:
        seen = "going";
    }
    assertEquals("unknown Cancelled", seen);
    assertTrue(job.hasUnknownStatus());
    assertFalse(job.isTerminal());
  }

  @Test
  void jobHelpersAnswerFromTheGeneratedFields() {
    SubJobDetail failed = SubJobDetail.builder().jobId("s1").status(JobStatus.FAILED).errorCode("SFS.TURBO.0038")
        .build();
    SubJobDetail ok = SubJobDetail.builder().jobId("s2").status("success").build();
    JobDetail job = JobDetail.builder().jobId("j").status(JobStatus.SUCCESS).beginTime("2023-07-26 09:33:58")
        .endTime("2023-07-26 09:35:08").addSubJob(failed).addSubJob(ok).build();
    assertTrue(job.isSuccess());
    assertTrue(job.isPartialFailure());
    assertEquals(1, job.failedSubJobs().size());
    assertEquals(Duration.ofSeconds(70), job.duration());
    assertEquals(Instant.parse("2023-07-26T09:33:58Z"), job.beginTime());
    JobDetail noTimes = JobDetail.builder().status(JobStatus.RUNNING).beginTime("not a time").build();
    assertNull(noTimes.duration());
    assertNull(noTimes.beginTime());
    assertEquals("not a time", noTimes.beginTimeAsString());
    assertFalse(noTimes.isPartialFailure());
    assertThrows(IllegalArgumentException.class, () -> JobDetail.builder().status(JobStatus.UNKNOWN_TO_SDK_VERSION));
  }

  @Test
  void valuesAreImmutableWithEqualityOverTheDocument() {
    JobDetail a = JobDetail.builder().jobId("j").status("running").requestId("r1").rawJson("{}").build();
    JobDetail b = a.toBuilder().requestId("r2").build();
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, a.toBuilder().status("RUNNING").build());
    assertThrows(UnsupportedOperationException.class, () -> a.subJobs().add(SubJobDetail.builder().build()));
    assertEquals(Instant.parse("2024-01-02T03:04:05Z"),
        JobDetail.builder().beginTime(Instant.parse("2024-01-02T03:04:05Z")).build().beginTime());
  }

  @Test
  void jsonRoundTripKeepsEveryDocumentedField() {
    String json = "{\"status\":\"failed\",\"job_id\":\"j\",\"job_type\":\"extend_share\",\"begin_time\":\"2023-07-26 09:33:58\","
        + "\"end_time\":\"bad\",\"error_code\":\"SFS.TURBO.0005\",\"fail_reason\":\"r\",\"sub_jobs\":[{\"status\":\"x\","
        + "\"job_id\":\"s\"}]}";
    JobDetail job = GSON.fromJson(json, JobDetail.class);
    assertEquals(json, GSON.toJson(job));
    assertEquals("x", job.subJobs().get(0).statusAsString());
    assertNull(job.endTime());
    assertTrue(job.toString().contains("jobType=extend_share"), job.toString());
  }

  @Test
  void serverTextInToStringIsEscaped() {
    JobDetail job = JobDetail.builder().jobId("j").failReason("a\u001b[31mred\nforged").build();
    assertFalse(job.toString().contains("\u001b"), job.toString());
    assertFalse(job.toString().contains("\n"), job.toString());
  }

  @Test
  void aFieldOfTheWrongKindIsAnError() {
    assertThrows(JsonParseException.class, () -> GSON.fromJson("{\"job_id\":{\"a\":1}}", JobDetail.class));
    assertThrows(JsonParseException.class, () -> GSON.fromJson("{\"sub_jobs\":\"none\"}", JobDetail.class));
    // Loose typing the service is known for: a number where a string belongs is kept as its text.
    assertEquals("42", GSON.fromJson("{\"job_id\":42}", JobDetail.class).jobId());
  }

  @Test
  void errorCodeCatalogueIsGeneratedFromTheSpec() {
    assertSame(SfsTurboErrorCode.INVALID_JOB_ID, SfsTurboErrorCode.fromValue("SFS.TURBO.0019"));
    assertSame(SfsTurboErrorCode.NO_PRIVILEGES, SfsTurboErrorCode.fromValue("SFS.TURBO.9000"));
    assertEquals("No privileges to operate", SfsTurboErrorCode.NO_PRIVILEGES.description());
    assertSame(SfsTurboErrorCode.UNKNOWN_TO_SDK_VERSION, SfsTurboErrorCode.fromValue("SFS.TURBO.4242"));
    SfsTurboErrorBody body = GSON.fromJson("{\"errCode\":\"SFS.TURBO.9000\",\"errMsg\":\"no privileges to operate\"}",
        SfsTurboErrorBody.class);
    assertSame(SfsTurboErrorCode.NO_PRIVILEGES, body.errCode());
    assertEquals("no privileges to operate", body.errMsg());
  }
}
