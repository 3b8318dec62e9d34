// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link Fault#STALL} seen from a raw OkHttp client, without the SDK: whether the emulator ever
 * answers is the point, so no retrying client may hide it.
 */
@Timeout(20)
class EmulatorStallTest {
  private SfsTurboEmulator emulator;
  private OkHttpClient http;

  @AfterEach
  void stop() {
    if (emulator != null) {
      emulator.close();
    }
    if (http != null) {
      http.dispatcher().executorService().shutdownNow();
      http.connectionPool().evictAll();
    }
  }

  private Request jobRequest(String jobId) {
    return new Request.Builder().url(emulator.endpoint().resolve("v1/" + emulator.projectId() + "/sfs-turbo/jobs/" + jobId).toString())
        .header("X-Auth-Token", "emulator-token").build();
  }

  private static OkHttpClient client(Duration readTimeout) {
    // No retry on connection failure: a dropped connection must reach the test, not be replayed.
    return new OkHttpClient.Builder().readTimeout(readTimeout).retryOnConnectionFailure(false).build();
  }

  @Test
  void stallEndsInTheClientsReadTimeoutAndCloseStaysFast() throws IOException {
    emulator = SfsTurboEmulator.builder().build().start();
    emulator.addJob(JobScript.builder("j").succeeds().build()).enqueueFaults("j", Fault.STALL);
    http = client(Duration.ofMillis(300));

    long start = System.nanoTime();
    assertThrows(SocketTimeoutException.class, () -> http.newCall(jobRequest("j")).execute().close());
    assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(290), "timed out before the read timeout");
    assertEquals(Fault.STALL, emulator.journal("j").get(0).fault());
    try (Response next = http.newCall(jobRequest("j")).execute()) {
      assertEquals(200, next.code(), "only the one request is stalled");
    }

    long closeStart = System.nanoTime();
    emulator.close();
    long closeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closeStart);
    assertTrue(closeMillis < 2_000, "close() took " + closeMillis + " ms with a stalled request held");
  }

  @Test
  void noStatusLineEverComesAndCloseReleasesAWaitingClient() throws Exception {
    emulator = SfsTurboEmulator.builder().build().start();
    emulator.addJob(JobScript.builder("j").succeeds().build()).enqueueFaults(Fault.STALL);
    try (Socket raw = new Socket(emulator.endpoint().getHost(), emulator.endpoint().getPort())) {
      raw.getOutputStream().write(("GET /v1/emulator-project/sfs-turbo/jobs/j HTTP/1.1\r\nHost: x\r\n"
          + "X-Auth-Token: emulator-token\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      raw.setSoTimeout(800);
      InputStream in = raw.getInputStream();
      assertThrows(SocketTimeoutException.class, in::read, "a byte of an answer arrived");

      // A client with no timeout at all: only close() ends its wait, and close() must not wait for it.
      CompletableFuture<Integer> firstByte = CompletableFuture.supplyAsync(() -> {
        try {
          raw.setSoTimeout(0);
          return in.read();
        } catch (IOException e) {
          return -2;
        }
      });
      long closeStart = System.nanoTime();
      emulator.close();
      long closeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closeStart);
      assertTrue(closeMillis < 2_000, "close() took " + closeMillis + " ms");
      int got = firstByte.get(2, TimeUnit.SECONDS);
      assertTrue(got < 0, "the held connection got a byte instead of being dropped: " + got);
    }
  }

  @Test
  void stallDurationDropsTheConnectionUnansweredInsteadOfAnsweringEmpty() {
    emulator = SfsTurboEmulator.builder().stallDuration(Duration.ofMillis(200)).build().start();
    emulator.addJob(JobScript.builder("j").succeeds().build()).enqueueFaults("j", Fault.STALL);
    http = client(Duration.ofSeconds(5));
    long start = System.nanoTime();
    try (Response r = http.newCall(jobRequest("j")).execute()) {
      fail("a stalled request was answered: " + r.code() + " " + r.body().string());
    } catch (IOException expected) {
      // An unexpected end of stream: the hold ended with the connection dropped, before any status line.
      assertTrue(!(expected instanceof SocketTimeoutException), "the 5 s read timeout fired: " + expected);
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertTrue(millis >= 150 && millis < 3_000, "dropped after " + millis + " ms, not after about 200");
  }

  @Test
  void stallDurationRejectsNegative() {
    assertThrows(IllegalArgumentException.class, () -> SfsTurboEmulator.builder().stallDuration(Duration.ofMillis(-1)));
  }
}
