// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import com.google.gson.Gson;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import io.sfsturbo.jobs.text.SafeText;
import io.sfsturbo.jobs.model.JobDetail;
import java.io.IOException;
import okhttp3.MediaType;
import okhttp3.ResponseBody;

/**
 * Reads the body of a successful {@code ShowJobDetail} into the generated {@link JobDetail}: the
 * boundary where the bytes of a 200 are checked before anything reads them. The body is read up
 * to a size limit (after decompression), must be one strict JSON object without duplicate keys,
 * and must be a job (a {@code job_id} and a {@code status}). Any status text is kept, known or not.
 */
public final class JobDecoder {
  // Thread-safe; the model's generated adapter (its @JsonAdapter), looked up once rather than per body.
  private static final TypeAdapter<JobDetail> ADAPTER = new Gson().getAdapter(JobDetail.class);

  private final long maxBytes;

  /**
   * Creates a decoder.
   *
   * @param maxBytes the most bytes of a body that are read
   */
  public JobDecoder(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /**
   * Reads and closes a body.
   *
   * @param body the body of a 2xx response
   * @param requestId the response's {@code X-request-id}, kept in the job; may be null
   * @return the job, its raw text and request id included
   * @throws Rejected when the body is not a job document within the limits; says why
   * @throws IOException when reading fails
   */
  public JobDetail decode(ResponseBody body, String requestId) throws IOException {
    try {
      // Parsed once: OkHttp parses the header again at every contentType() call.
      MediaType contentType = body.contentType();
      if (body.contentLength() > maxBytes) {
        throw new Rejected(tooLarge(), "", null);
      }
      CappedBody.Result read = CappedBody.read(body, contentType, maxBytes);
      String text = read.text;
      if (read.truncated) {
        throw new Rejected(tooLarge(), text, null);
      }
      if (contentType != null && !"json".equals(contentType.subtype())
          && !contentType.subtype().endsWith("+json")) {
        throw new Rejected("expected a JSON body but the content type is "
            + SafeText.forMessage(contentType.toString()), text, null);
      }
      if (text.trim().isEmpty()) {
        throw new Rejected("the response body is empty", text, null);
      }
      String problem = StrictJson.problem(text);
      if (problem != null) {
        throw new Rejected(problem, text, null);
      }
      JobDetail job;
      try {
        job = ADAPTER.fromJson(text);
      } catch (IOException | RuntimeException e) {
        throw shapeFailure(text, e);
      }
      if (job == null) {
        throw new Rejected("the response body is JSON null", text, null);
      }
      if (job.jobId() == null || job.jobId().isEmpty()) {
        throw new Rejected("the response body is not a job: it has no job_id", text, null);
      }
      if (job.statusAsString() == null) {
        throw new Rejected("the response body is not a job: it has no status", text, null);
      }
      return job.toBuilder().rawJson(text).requestId(requestId).build();
    } finally {
      body.close();
    }
  }

  private String tooLarge() {
    return "the response body is larger than the limit of " + maxBytes + " bytes (maxResponseBytes; no real job "
        + "document comes near it: raise it with HttpConfiguration.maxResponseBytes if yours does)";
  }

  /** Tells apart why valid JSON could not be bound: not an object, or an object of the wrong shape. */
  private static Rejected shapeFailure(String text, Exception bindFailure) {
    if (!JsonParser.parseString(text).isJsonObject()) {
      return new Rejected("the response body is JSON but not an object", text, bindFailure);
    }
    return new Rejected("the response body does not match the job schema (" + SafeText.forMessage(
        bindFailure.getMessage()) + ")", text, bindFailure);
  }

  /** A body that is not a job document: why, and the text read (possibly cut to the limit). */
  public static final class Rejected extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient String raw;

    Rejected(String why, String raw, Throwable cause) {
      super(why, cause);
      this.raw = raw;
    }

    /** Returns the body as read, possibly cut to the size limit. */
    public String raw() {
      return raw;
    }
  }
}
