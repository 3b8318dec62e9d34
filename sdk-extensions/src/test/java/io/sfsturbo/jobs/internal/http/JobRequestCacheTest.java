// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/** The request of a job comes from the generated interface with the fixed headers, and is kept within a bound. */
class JobRequestCacheTest {
  private final JobRequestCache requests = new JobRequestCache(HttpUrl.get("https://sfs-turbo.example.com/base/"),
      new OkHttpClient(), "proj-1", "sfsturbo-jobs-java/test");

  @Test
  void theRequestIsTheGeneratedOperationsWithTheFixedHeaders() {
    Request r = requests.forJob("job 1");
    assertEquals("GET", r.method());
    assertEquals("https://sfs-turbo.example.com/base/v1/proj-1/sfs-turbo/jobs/job%201", r.url().toString());
    assertEquals("sfsturbo-jobs-java/test", r.header("User-Agent"));
    assertEquals("proj-1", r.header("X-Project-Id"));
    assertEquals("application/json", r.header("Content-Type"));
    assertEquals(null, r.header("X-Auth-Token"), "the interceptor authenticates each send, not the kept request");
  }

  @Test
  void aJobsRequestIsBuiltOnceAndTheKeptOnesAreBounded() {
    Request first = requests.forJob("j-0");
    assertSame(first, requests.forJob("j-0"));
    requests.forJob("j-other");
    assertSame(first, requests.forJob("j-0"), "another job's request is kept beside it");
    for (int i = 1; i < JobRequestCache.MAX_KEPT * 3; i++) {
      requests.forJob("j-" + i);
      assertTrue(requests.keptCount() <= JobRequestCache.MAX_KEPT, "kept " + requests.keptCount());
    }
    Request again = requests.forJob("j-0");
    assertNotSame(first, again, "dropped when the bound was reached, then built again");
    assertEquals(first.url(), again.url());
  }
}
