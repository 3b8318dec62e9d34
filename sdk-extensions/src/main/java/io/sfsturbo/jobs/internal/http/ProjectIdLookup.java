// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.sfsturbo.jobs.auth.Credentials;
import io.sfsturbo.jobs.errors.ProjectIdLookupException;
import io.sfsturbo.jobs.errors.ResponseDecodingException;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.errors.TransportException;
import io.sfsturbo.jobs.errors.UnexpectedRedirectException;
import io.sfsturbo.jobs.errors.ErrorDetails;
import io.sfsturbo.jobs.internal.ErrorDecoder;
import io.sfsturbo.jobs.internal.Ids;
import io.sfsturbo.jobs.text.SafeText;
import io.sfsturbo.jobs.time.TimeSource;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Finds the project of a region as the official SDKs do when none is set: {@code GET {iam}/v3/projects?name=
 * {region}}, signed (or tokened) by the client's own credentials, through the client's HTTP settings, without
 * {@code X-Project-Id}. Exactly one project must come back; its id is checked like one set by hand. The answer
 * is read up to 64 KiB as strict JSON; no redirect is followed.
 */
public final class ProjectIdLookup {
  /** A list of a few projects is under 1 KiB; far more is not IAM's answer to a filtered list. */
  static final int MAX_RESPONSE_BYTES = 64 * 1024;

  private ProjectIdLookup() {}

  /**
   * Looks the project id up.
   *
   * @param plain the client's HTTP client, without the SDK's authentication
   * @param credentials the client's credentials
   * @param time the client's time (signatures)
   * @param iam IAM's endpoint
   * @param iamSource where that endpoint came from, for messages
   * @param regionId the region, whose project has its name
   * @param timeout the bound of the lookup as a whole
   * @return the project id
   * @throws ProjectIdLookupException when IAM lists none or several, or an id that cannot be one
   * @throws SfsTurboException another subtype when IAM refuses (its status and code), cannot be reached, or
   *     answers something else than a project list
   */
  public static String lookup(OkHttpClient plain, Credentials credentials, TimeSource time, URI iam, String iamSource,
      String regionId, Duration timeout) {
    String base = iam.toString().endsWith("/") ? iam.toString() : iam + "/";
    HttpUrl url = HttpUrl.get(base).newBuilder().addPathSegments("v3/projects").addQueryParameter("name", regionId)
        .build();
    String operation = "the project id lookup of region '" + regionId + "' at IAM " + url.host() + " (" + iamSource
        + ")";
    OkHttpClient http = plain.newBuilder().callTimeout(timeout)
        .addInterceptor(new AuthenticatingInterceptor(credentials, time)).addInterceptor(new WireLog()).build();
    Request request = new Request.Builder().url(url).get().header("Content-Type", "application/json").build();
    try (Response response = http.newCall(request).execute()) {
      String traceId = response.header("X-IAM-Trace-Id") != null ? response.header("X-IAM-Trace-Id")
          : response.header("X-Request-Id");
      if (response.code() >= 300 && response.code() < 400) {
        throw new UnexpectedRedirectException(new ErrorDetails(operation, response.code(), null, null, traceId, ""),
            null);
      }
      BufferedSource source = response.body().source();
      if (source.request(MAX_RESPONSE_BYTES + 1)) {
        throw new ResponseDecodingException(operation + " got more than " + MAX_RESPONSE_BYTES / 1024 + " KiB; not "
            + "read (is " + iamSource + " IAM's address?)", response.code(), traceId, "", null);
      }
      String text = source.readUtf8();
      if (!response.isSuccessful()) {
        throw ErrorDecoder.decode(operation, response.code(), traceId, response.header("Retry-After"), text,
            time.now());
      }
      return single(ids(text, operation, response.code(), traceId), regionId, url.host());
    } catch (AuthenticatingInterceptor.Failure e) {
      throw e.failure;
    } catch (IOException e) {
      throw new TransportException(operation + " failed: " + SafeText.forMessage(String.valueOf(e)), e);
    }
  }

  private static List<String> ids(String text, String operation, int status, String traceId) {
    String problem = StrictJson.problem(text);
    List<String> ids = new ArrayList<>();
    try {
      if (problem == null) {
        JsonArray projects = JsonParser.parseString(text).getAsJsonObject().getAsJsonArray("projects");
        for (JsonElement p : projects) {
          JsonObject project = p.getAsJsonObject();
          ids.add(project.get("id").getAsString());
        }
        return ids;
      }
    } catch (RuntimeException e) {
      problem = "it is not {\"projects\":[{\"id\":...}]}";
    }
    throw new ResponseDecodingException(operation + " got HTTP " + status + " with a body that could not be read: "
        + problem, status, traceId, ErrorDecoder.capRaw(text), null);
  }

  private static String single(List<String> ids, String regionId, String host) {
    String fix = "; set the project id (projectId(...), HUAWEICLOUD_SDK_PROJECT_ID or project_id in the credentials "
        + "profile)";
    if (ids.isEmpty()) {
      throw new ProjectIdLookupException(regionId, "failed to get the project id of region '" + regionId
          + "' automatically: IAM at " + host + " lists no project named '" + regionId + "' for these credentials"
          + fix);
    }
    if (ids.size() > 1) {
      List<String> shown = new ArrayList<>();
      for (String id : ids.subList(0, Math.min(5, ids.size()))) {
        shown.add(SafeText.capped(id, 64));
      }
      throw new ProjectIdLookupException(regionId, "failed to get the project id of region '" + regionId
          + "' automatically: IAM at " + host + " lists " + ids.size() + " projects named '" + regionId + "' "
          + shown + fix);
    }
    try {
      return Ids.requireValidProjectId("the project id IAM at " + host + " gave for region '" + regionId + "'",
          ids.get(0));
    } catch (IllegalArgumentException e) {
      throw new ProjectIdLookupException(regionId, e.getMessage() + fix);
    }
  }
}
