// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import io.sfsturbo.jobs.text.SafeText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.model.JobStatus;
import io.sfsturbo.jobs.model.SubJobDetail;
import org.junit.jupiter.api.Test;

/** The JSON writer: exact spelling of escapes, numbers and order, and the fallback from fields. */
class JsonOutputTest {
  static JobDetail.Builder job() {
    return JobDetail.builder().jobId("j1").status(JobStatus.fromValue("failed")).jobType("t\u001b").failReason("r\u009b")
        .errorCode("E").addSubJob(SubJobDetail.builder().jobId("s1").jobType("st").failReason("\u007f").build());
  }

  @Test
  void rewritesTheDocumentKeepingOrderNumbersAndUnknownFields() {
    String raw = "{ \"z\": 1.50e3, \"a\\u001b\": \"x\u007f\u0085\\u001b\\\"\\\\\u202e\", \"n\": null,"
        + " \"b\": [true, false, -0, {}], \"ok\": \"caf\u00e9 \ud83d\ude00\", \"lone\": \"\\ud800\" }";
    assertEquals("{\"z\":1.50e3,\"a\\u001b\":\"x\\u007f\\u0085\\u001b\\\"\\\\\\u202e\",\"n\":null,"
        + "\"b\":[true,false,-0,{}],\"ok\":\"caf\u00e9 \ud83d\ude00\",\"lone\":\"\\ud800\"}",
        JsonOutput.of(job().rawJson(raw).build()));
  }

  @Test
  void escapesExactlyWhatATerminalLineEscapes() {
    // One rule (SafeText's) for both: every character alone, and every surrogate paired and unpaired.
    for (int c = 0; c <= 0xffff; c++) {
      String s = String.valueOf((char) c);
      if (c != '"' && c != '\\') {
        assertEquals('"' + io.sfsturbo.jobs.text.SafeText.escape(s) + '"', string(s), Integer.toHexString(c));
      }
    }
    for (String s : new String[] {"\ud83d\ude00", "\ude00\ud83d", "a\ud83d", "\ude00a"}) {
      assertEquals('"' + io.sfsturbo.jobs.text.SafeText.escape(s) + '"', string(s), s);
    }
    assertEquals("\"\ud83d\ude00 \\ude00\\ud83d\"", string("\ud83d\ude00 \ude00\ud83d"));
  }

  static String string(String s) {
    StringBuilder sb = new StringBuilder();
    JsonOutput.string(s, sb);
    return sb.toString();
  }

  @Test
  void fallsBackToTheFieldsWhenThereIsNoStrictDocument() {
    // As the generated model writes it: the spec's order, unset fields left out.
    String expected = "{\"status\":\"failed\",\"job_id\":\"j1\",\"job_type\":\"t\\u001b\",\"error_code\":\"E\","
        + "\"fail_reason\":\"r\\u009b\",\"sub_jobs\":[{\"job_id\":\"s1\",\"job_type\":\"st\",\"fail_reason\":\"\\u007f\"}]}";
    assertEquals(expected, JsonOutput.of(job().build()));
    assertEquals(expected, JsonOutput.of(job().rawJson("{\"job_id\": NaN}").build()), "not strict JSON");
    assertEquals(expected, JsonOutput.of(job().rawJson("{\"a\":\"\u001b\"}").build()), "raw control in a string");
    assertEquals(expected, JsonOutput.of(job().rawJson("{} {}").build()), "trailing data");
    assertEquals(expected, JsonOutput.of(job().rawJson("{'a':1}").build()), "single quotes");
  }

  @Test
  void parseRefusesLenientInput() {
    assertNull(JsonOutput.parse("[01]"));
    assertNull(JsonOutput.parse("{\"a\":1,}"));
    assertEquals("[1]", JsonOutput.parse(" [1] ").toString());
  }
}
