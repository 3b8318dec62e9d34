// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.auth.TokenCredentials;
import io.sfsturbo.jobs.model.JobDetail;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A client built without an {@code OkHttpClient} runs many requests to its host at once, not
 * OkHttp's 5: the server holds every answer until 20 requests are in flight together, which a
 * client capped at 5 never reaches (the latch then times out and the answers are 500s).
 */
@Timeout(30)
class DefaultConcurrencyTest {
  private static final int TOGETHER = 20;

  @Test
  void ownHttpClientRunsManyRequestsToOneHostAtOnce() throws Exception {
    assertEquals(TOGETHER, inFlightTogether(null));
  }

  @Test
  void aGivenHttpClientKeepsItsOwnDispatcher() throws Exception {
    // The control: the same server against OkHttp's default cap of 5 per host.
    assertEquals(5, inFlightTogether(new OkHttpClient()));
  }

  private static int inFlightTogether(OkHttpClient given) throws Exception {
    CountDownLatch all = new CountDownLatch(TOGETHER);
    AtomicInteger peak = new AtomicInteger();
    AtomicInteger now = new AtomicInteger();
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
          peak.accumulateAndGet(now.incrementAndGet(), Math::max);
          all.countDown();
          boolean together = all.await(1, TimeUnit.SECONDS);
          now.decrementAndGet();
          String id = request.getUrl().pathSegments().get(4);
          return new MockResponse.Builder().code(together ? 200 : 500)
              .addHeader("Content-Type", "application/json")
              .body("{\"job_id\":\"" + id + "\",\"status\":\"running\"}").build();
        }
      });
      server.start(InetAddress.getLoopbackAddress(), 0);
      SfsTurboJobsClientBuilder b = SfsTurboJobsClient.builder().endpoint(server.url("/").uri())
          .httpConfiguration(h -> h.allowInsecureHttp(true)).projectId("p").credentials(TokenCredentials.of("t"))
          .overrideConfiguration(o -> o.retryPolicy(io.sfsturbo.jobs.retry.RetryPolicy.none()));
      if (given != null) {
        b.httpConfiguration(h -> h.httpClient(given));
      }
      try (SfsTurboJobsClient client = b.build()) {
        List<CompletableFuture<JobDetail>> calls = new ArrayList<>();
        for (int i = 0; i < TOGETHER; i++) {
          calls.add(client.showJobDetailAsync("job-" + i));
        }
        for (CompletableFuture<JobDetail> call : calls) {
          call.handle((r, e) -> null).get(20, TimeUnit.SECONDS);
        }
      } finally {
        if (given != null) {
          given.dispatcher().executorService().shutdown();
        }
      }
    }
    assertTrue(peak.get() > 0);
    return peak.get();
  }
}
