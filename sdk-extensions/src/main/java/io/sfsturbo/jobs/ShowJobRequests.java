// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs;

import io.sfsturbo.jobs.api.JobsApi;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;

/**
 * The {@code ShowJobDetail} request of a job, as the generated interface defines it (method, path,
 * encoding) plus the headers every request carries, built once and kept for the job's next polls.
 *
 * <p>Why keep them: building a request through Retrofit's proxy resolves the URL against the base
 * from text (host canonicalization, path escaping, a path-traversal check) and costs about 2.4 µs,
 * some 6 % of a whole loopback call; a request is immutable and depends only on the job id, and a
 * job is polled many times. The cache is bounded: past {@link #MAX_KEPT} jobs it starts over, so it
 * holds about 1 MB at most whatever the number of waits (kept per wait instead, 100 000 waits would
 * hold 100 MB). With more jobs than that polled in turn it rarely hits, and costs what building does.
 */
final class ShowJobRequests {
  /** The most requests kept; about 1 KB each. */
  static final int MAX_KEPT = 1024;

  private final JobsApi api;
  private final String projectId;
  private final String userAgent;
  private final ConcurrentHashMap<String, Request> kept = new ConcurrentHashMap<>();

  /**
   * @param baseUrl the endpoint, ending in a slash
   * @param client builds the calls that requests are taken from; they never run
   */
  ShowJobRequests(HttpUrl baseUrl, OkHttpClient client, String projectId, String userAgent) {
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

  /** Returns the request for a job id (already validated), unauthenticated: the auth interceptor signs each send. */
  Request forJob(String jobId) {
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
