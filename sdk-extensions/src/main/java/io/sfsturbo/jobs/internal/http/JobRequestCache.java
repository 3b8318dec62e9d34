// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import io.sfsturbo.jobs.api.JobsApi;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;

/**
 * The {@code ShowJobDetail} request of a job, as the generated interface defines it (method, path,
 * encoding) plus the headers every request carries, built once and kept for the job's next polls: a
 * request depends only on the job id, is immutable, and building one through Retrofit's proxy resolves
 * the URL from text each time. The cache is bounded: past {@link #MAX_KEPT} jobs it starts over, so it
 * holds about 1 MB at most whatever the number of waits; with more jobs than that polled in turn it
 * rarely hits, and costs what building does.
 */
public final class JobRequestCache {
  /** The most requests kept; about 1 KB each. */
  static final int MAX_KEPT = 1024;

  private final JobsApi api;
  private final String projectId;
  private final String userAgent;
  private final ConcurrentHashMap<String, Request> kept = new ConcurrentHashMap<>();

  /**
   * Creates the cache of one client.
   *
   * @param baseUrl the endpoint, ending in a slash
   * @param client builds the calls that requests are taken from; they never run
   * @param projectId the project, in every path and its own header
   * @param userAgent the User-Agent of every request
   */
  public JobRequestCache(HttpUrl baseUrl, OkHttpClient client, String projectId, String userAgent) {
    this.api = new Retrofit.Builder()
        .baseUrl(baseUrl)
        .client(client)
        // Never used to read a response (the attempt decodes within its limits), but Retrofit wants a
        // converter for the interface's return type.
        .addConverterFactory(GsonConverterFactory.create())
        .build()
        .create(JobsApi.class);
    this.projectId = projectId;
    this.userAgent = userAgent;
  }

  /**
   * Returns the request for a job id (already checked), unauthenticated: the interceptor signs each send.
   *
   * @param jobId the job
   * @return the request
   */
  public Request forJob(String jobId) {
    Request request = kept.get(jobId);
    if (request == null) {
      request = build(jobId);
      if (kept.size() >= MAX_KEPT) {
        kept.clear();
      }
      kept.put(jobId, request);
    }
    return request;
  }

  /** Returns how many requests are kept; for tests. */
  int keptCount() {
    return kept.size();
  }

  private Request build(String jobId) {
    // Content-Type is Table 2's mandatory header; the generator's configuration lists it as managed: set here.
    return api.showJobDetail(projectId, jobId).request().newBuilder()
        .header("User-Agent", userAgent)
        .header("X-Project-Id", projectId)
        .header("Content-Type", "application/json")
        .build();
  }
}
