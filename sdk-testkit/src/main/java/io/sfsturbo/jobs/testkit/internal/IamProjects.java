// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testkit.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * IAM's project list as the SDK's automatic project id asks it: {@code GET /v3/projects?name={region}} answers
 * the scripted projects (by default the emulator's one) under the asked name, and counts the lookups.
 */
public final class IamProjects {
  private final List<String> projectIds;
  private final AtomicLong lookups = new AtomicLong();

  /**
   * @param projectIds the ids every lookup lists: none, one or several
   */
  public IamProjects(List<String> projectIds) {
    this.projectIds = projectIds;
  }

  /** Returns whether a request is a project lookup. */
  public static boolean serves(RecordedRequest request) {
    return request.getUrl().encodedPath().equals("/v3/projects");
  }

  /**
   * Answers a lookup already authenticated.
   *
   * @param request the request
   * @param requestId the id to send back
   * @return the answer
   */
  public MockResponse handle(RecordedRequest request, String requestId) {
    lookups.incrementAndGet();
    String name = request.getUrl().queryParameter("name");
    JsonArray projects = new JsonArray();
    for (String id : projectIds) {
      JsonObject p = new JsonObject();
      p.addProperty("id", id);
      p.addProperty("name", name);
      p.addProperty("enabled", true);
      projects.add(p);
    }
    JsonObject body = new JsonObject();
    body.add("projects", projects);
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .addHeader("X-IAM-Trace-Id", requestId).body(body.toString()).build();
  }

  /** Returns how many lookups were answered. */
  public long lookups() {
    return lookups.get();
  }
}
