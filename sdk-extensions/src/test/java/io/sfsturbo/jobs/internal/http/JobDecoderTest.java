// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.model.JobStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import org.junit.jupiter.api.Test;

/**
 * The checks a 2xx body passes before anything reads it: a size limit counted on what is read (not on what
 * Content-Length claims), a JSON content type, one strict object without duplicate keys, and the two fields
 * that make it a job. Each refusal says why and keeps what was read.
 */
class JobDecoderTest {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final String JOB = "{\"job_id\":\"j-1\",\"status\":\"running\"}";

  /** A body whose source counts its reads and says when it is closed; Content-Length as given (-1: unknown). */
  private static final class Body extends ResponseBody {
    final Buffer data = new Buffer();
    final MediaType type;
    final long contentLength;
    final AtomicBoolean closed = new AtomicBoolean();
    private final BufferedSource source;

    Body(String text, MediaType type, long contentLength) {
      data.writeUtf8(text);
      this.type = type;
      this.contentLength = contentLength;
      this.source = Okio.buffer(new ForwardingSource(data) {
        @Override
        public void close() throws IOException {
          closed.set(true);
          super.close();
        }
      });
    }

    @Override
    public MediaType contentType() {
      return type;
    }

    @Override
    public long contentLength() {
      return contentLength;
    }

    @Override
    public BufferedSource source() {
      return source;
    }
  }

  private static Body body(String text) {
    return new Body(text, JSON, -1);
  }

  @Test
  void aJobKeepsItsRawTextAndRequestIdAndAnyStatusTextAndTheBodyIsClosed() throws IOException {
    Body b = body(JOB);
    JobDetail job = new JobDecoder(1024).decode(b, "req-1");
    assertEquals("j-1", job.jobId());
    assertEquals(JobStatus.RUNNING, job.status());
    assertEquals(JOB, job.rawJson());
    assertEquals("req-1", job.requestId());
    assertTrue(b.closed.get(), "closed");

    JobDetail unknown = new JobDecoder(1024).decode(body("{\"job_id\":\"j\",\"status\":\"paused\"}"), null);
    assertEquals("paused", unknown.statusAsString(), "an undocumented status is kept as its text");
    assertNull(unknown.requestId());
  }

  @Test
  void contentTypesThatAreJsonPassAndOthersAreRefused() throws IOException {
    for (String ok : new String[] {"application/json", "application/json; charset=utf-8",
        "application/problem+json", "text/json"}) {
      assertEquals("j-1", new JobDecoder(1024).decode(new Body(JOB, MediaType.get(ok), -1), null).jobId(), ok);
    }
    assertEquals("j-1", new JobDecoder(1024).decode(new Body(JOB, null, -1), null).jobId(), "no content type");
    for (String refused : new String[] {"text/html", "text/plain", "application/jsonx", "application/xml"}) {
      JobDecoder.Rejected r = assertThrows(JobDecoder.Rejected.class,
          () -> new JobDecoder(1024).decode(new Body(JOB, MediaType.get(refused), -1), null));
      assertEquals("expected a JSON body but the content type is " + MediaType.get(refused), r.getMessage());
      assertEquals(JOB, r.raw(), "what was read is kept");
    }
  }

  @Test
  void theLimitIsOnTheBytesReadAndOnAContentLengthThatClaimsMore() throws IOException {
    int exact = JOB.getBytes(StandardCharsets.UTF_8).length;
    // A body of exactly the limit passes, whether its length is declared or not.
    assertEquals("j-1", new JobDecoder(exact).decode(new Body(JOB, JSON, exact), null).jobId());
    assertEquals("j-1", new JobDecoder(exact).decode(new Body(JOB, JSON, -1), null).jobId());

    // One byte more, undeclared: refused with what was read up to the limit, nothing more.
    JobDecoder.Rejected cut = assertThrows(JobDecoder.Rejected.class,
        () -> new JobDecoder(exact - 1).decode(new Body(JOB, JSON, -1), null));
    assertEquals(JOB.substring(0, exact - 1), cut.raw());
    assertTrue(cut.getMessage().startsWith("the response body is larger than the limit of " + (exact - 1)
        + " bytes (maxResponseBytes"), cut.getMessage());

    // A Content-Length past the limit is refused before a byte is read.
    Body declared = new Body(JOB, JSON, exact + 1L);
    JobDecoder.Rejected early = assertThrows(JobDecoder.Rejected.class,
        () -> new JobDecoder(exact).decode(declared, null));
    assertEquals("", early.raw());
    assertEquals(exact, declared.data.size(), "nothing read");
    assertTrue(declared.closed.get(), "closed all the same");
  }

  @Test
  void bodiesThatAreNotAJobAreRefusedSayingWhy() {
    String[][] cases = {
        {"", "the response body is empty"},
        {" \n\t ", "the response body is empty"},
        {"null", "the response body is JSON null"},
        {"[" + JOB + "]", "the response body is JSON but not an object"},
        {"\"job\"", "the response body is JSON but not an object"},
        {"{\"status\":\"running\"}", "the response body is not a job: it has no job_id"},
        {"{\"job_id\":\"\",\"status\":\"running\"}", "the response body is not a job: it has no job_id"},
        {"{\"job_id\":\"j\"}", "the response body is not a job: it has no status"},
        {"{\"job_id\":\"j\",\"status\":\"failed\",\"status\":\"success\"}",
            "the response body has the key 'status' twice in $, so its meaning is ambiguous"},
        {"{\"job_id\":\"j\",\"status\":\"running\"} x", "the response body is not valid JSON"},
        {"{\"job_id\":\"j\",\"status\":\"running\",\"sub_jobs\":\"none\"}",
            "the response body does not match the job schema ("},
    };
    for (String[] c : cases) {
      JobDecoder.Rejected r = assertThrows(JobDecoder.Rejected.class,
          () -> new JobDecoder(1024).decode(body(c[0]), "req"), c[0]);
      assertTrue(r.getMessage().startsWith(c[1]), c[0] + " -> " + r.getMessage());
      assertEquals(c[0], r.raw(), "the text read is kept: " + c[0]);
    }
  }
}
