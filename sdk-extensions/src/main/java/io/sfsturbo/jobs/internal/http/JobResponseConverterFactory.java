// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import io.sfsturbo.jobs.generated.model.GetSubJobDetail;
import io.sfsturbo.jobs.generated.model.JobStatus;
import io.sfsturbo.jobs.generated.model.ShowJobDetailResponse;
import io.sfsturbo.jobs.internal.Printable;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Decodes {@code ShowJobDetail} bodies into the generated model: the boundary where the bytes of
 * a 200 are checked before anything reads them. The body is read up to a size limit (after
 * decompression), must be one strict JSON object without duplicate keys, and must be a job (a
 * {@code job_id} and a {@code status}). A status value the spec does not list (the generated
 * enum adapter would throw and fail the whole response) is read as null there and kept as text
 * beside it.
 */
public final class JobResponseConverterFactory extends Converter.Factory {
  private final Gson gson;
  private final long maxBytes;

  /**
   * Creates the factory with its own Gson, configured for the generated models.
   *
   * @param maxBytes the most bytes of a body that are read
   */
  public JobResponseConverterFactory(long maxBytes) {
    this.gson = new GsonBuilder().registerTypeAdapter(JobStatus.class, new LenientStatusAdapter()).create();
    this.maxBytes = maxBytes;
  }

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations, Retrofit retrofit) {
    if (type != ShowJobDetailResponse.class) {
      return null;
    }
    return this::convert;
  }

  private ShowJobDetailResponse convert(ResponseBody body) throws IOException {
    MediaType contentType = body.contentType();
    if (body.contentLength() > maxBytes) {
      return failure(tooLarge(), "", null);
    }
    Bodies.Capped read = Bodies.read(body, maxBytes);
    String text = read.text;
    if (read.truncated) {
      return failure(tooLarge(), text, null);
    }
    if (contentType != null && !"json".equals(contentType.subtype())
        && !contentType.subtype().endsWith("+json")) {
      return failure("expected a JSON body but the content type is " + Printable.forMessage(contentType.toString()),
          text, null);
    }
    if (text.trim().isEmpty()) {
      return failure("the response body is empty", text, null);
    }
    String problem = StrictJson.problem(text);
    if (problem != null) {
      return failure(problem, text, null);
    }
    DecodedJobResponse decoded;
    try {
      decoded = gson.fromJson(text, DecodedJobResponse.class);
    } catch (RuntimeException e) {
      return shapeFailure(text, e);
    }
    if (decoded == null) {
      return failure("the response body is JSON null", text, null);
    }
    if (decoded.getJobId() == null || decoded.getJobId().isEmpty()) {
      return failure("the response body is not a job: it has no job_id", text, null);
    }
    decoded.rawJson = text;
    if (needsTree(decoded)) {
      // Only a status the generated enum does not know (or none) needs the text from the tree.
      decoded.tree = JsonParser.parseString(text).getAsJsonObject();
      JsonElement status = decoded.tree.get("status");
      if (status == null || !status.isJsonPrimitive()) {
        return failure("the response body is not a job: it has no status", text, null);
      }
    }
    return decoded;
  }

  private String tooLarge() {
    return "the response body is larger than the limit of " + maxBytes + " bytes (maxResponseBytes; no real job "
        + "document comes near it: raise it with SfsTurboJobsClient.Builder.maxResponseBytes if yours does)";
  }

  private static boolean needsTree(DecodedJobResponse decoded) {
    if (decoded.getStatus() == null) {
      return true;
    }
    if (decoded.getSubJobs() != null) {
      for (GetSubJobDetail sub : decoded.getSubJobs()) {
        if (sub == null || sub.getStatus() == null) {
          return true;
        }
      }
    }
    return false;
  }

  /** Tells apart why valid JSON could not be bound: not an object, or an object of the wrong shape. */
  private static DecodedJobResponse shapeFailure(String text, RuntimeException bindFailure) {
    if (!JsonParser.parseString(text).isJsonObject()) {
      return failure("the response body is JSON but not an object", text, bindFailure);
    }
    return failure("the response body does not match the job schema (" + Printable.forMessage(
        bindFailure.getMessage()) + ")", text, bindFailure);
  }

  private static DecodedJobResponse failure(String why, String text, Throwable cause) {
    DecodedJobResponse failed = new DecodedJobResponse();
    failed.rawJson = text;
    failed.failure = why;
    failed.failureCause = cause;
    return failed;
  }

  /** Maps the four documented values; anything else becomes null (its text stays in the tree). */
  private static final class LenientStatusAdapter extends TypeAdapter<JobStatus> {
    @Override
    public void write(JsonWriter out, JobStatus value) throws IOException {
      if (value == null) {
        out.nullValue();
      } else {
        out.value(value.getValue());
      }
    }

    @Override
    public JobStatus read(JsonReader in) throws IOException {
      if (in.peek() == JsonToken.NULL) {
        in.nextNull();
        return null;
      }
      String text = in.nextString();
      for (JobStatus s : JobStatus.values()) {
        // Exact match only: another spelling ("SUCCESS") goes through the tree, which keeps its text.
        if (s.getValue().equals(text)) {
          return s;
        }
      }
      return null;
    }
  }
}
