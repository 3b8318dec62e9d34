// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.auth.TokenCredentials;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.errors.TransportException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A caller's OkHttp interceptor that throws a RuntimeException (a bug) fails a call the same way
 * sync and async: as an unexpected failure, not retried, never as a cancelled transport failure
 * (OkHttp reports the async one as "canceled due to" the exception).
 */
@Timeout(30)
class InterceptorFailureTest {
  @Test
  void aThrowingInterceptorFailsSyncAndAsyncCallsAlikeAndOnce() throws Exception {
    List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    // Were a RuntimeException to reach OkHttp's dispatcher thread, it would be rethrown there: caught here, quietly.
    ExecutorService executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "test-dispatcher");
      t.setDaemon(true);
      t.setUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
      return t;
    });
    int[] calls = {0};
    OkHttpClient http = new OkHttpClient.Builder().dispatcher(new Dispatcher(executor)).addInterceptor(chain -> {
      calls[0]++;
      throw new IllegalStateException("a bug in the caller's interceptor");
    }).build();
    try (SfsTurboJobsClient client = SfsTurboJobsClient.builder().endpoint(URI.create("http://127.0.0.1:9/"))
        .httpConfiguration(h -> h.allowInsecureHttp(true)).projectId("p").credentials(TokenCredentials.of("t")).httpConfiguration(h -> h.httpClient(http)).build()) {
      SfsTurboException sync = assertThrows(SfsTurboException.class, () -> client.showJobDetail("j"));
      ExecutionException wrapped = assertThrows(ExecutionException.class,
          () -> client.showJobDetailAsync("j").get(20, TimeUnit.SECONDS));
      SfsTurboException async = assertInstanceOf(SfsTurboException.class, wrapped.getCause());
      for (SfsTurboException e : new SfsTurboException[] {sync, async}) {
        assertFalse(e instanceof TransportException, e::toString);
        assertFalse(e.isRetryable(), e::toString);
        assertTrue(e.getMessage().contains("failed unexpectedly"), e.getMessage());
        assertInstanceOf(IllegalStateException.class, e.getCause(), e::toString);
      }
      assertEquals(2, calls[0], "one attempt each: a bug is not retried");
    } finally {
      executor.shutdownNow();
    }
  }
}
