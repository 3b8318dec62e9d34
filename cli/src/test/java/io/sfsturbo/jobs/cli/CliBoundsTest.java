// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's {@code --timeout} holds whatever the server does, and what it says meanwhile is actionable. */
@Timeout(60)
class CliBoundsTest {
  final MockWebServer server = new MockWebServer();
  final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
  final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();

  @TempDir
  Path tmp;
  Path tokenFile;

  @BeforeEach
  void start() throws IOException {
    tokenFile = Files.write(tmp.resolve("token"), "test-token\n".getBytes(StandardCharsets.UTF_8));
    server.start(InetAddress.getLoopbackAddress(), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private int run(String endpoint, String... args) {
    List<String> all = new ArrayList<>(java.util.Arrays.asList(args));
    all.addAll(java.util.Arrays.asList("--endpoint", endpoint, "--insecure-http", "--project-id", "p", "--token-file", tokenFile.toString()));
    PrintWriter out = new PrintWriter(new OutputStreamWriter(outBytes, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(errBytes, StandardCharsets.UTF_8), true);
    return SfsTurboJobsCli.run(all.toArray(new String[0]), out, err, b -> b.httpConfiguration(h -> h.allowInsecureHttp(true)));
  }

  private String err() {
    return new String(errBytes.toByteArray(), StandardCharsets.UTF_8);
  }

  private static long millisSince(long start) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }

  @Test
  void showTimeoutBoundsACallToASilentServer() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        List<Socket> held = new ArrayList<>();
        try {
          while (true) {
            held.add(silent.accept());   // accept, read nothing, answer nothing
          }
        } catch (IOException closed) {
          for (Socket s : held) {
            try {
              s.close();
            } catch (IOException ignored) {
              // closing anyway
            }
          }
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      long start = System.nanoTime();
      int code = run("http://127.0.0.1:" + silent.getLocalPort() + "/", "show", "job-1", "--timeout", "1500ms");
      long took = millisSince(start);
      assertEquals(ExitCodes.ERROR, code, err());
      assertTrue(took >= 1_000 && took < 2_500, "took " + took + " ms");
      assertTrue(err().contains("budget of 1.5s"), err());
    }
  }

  @Test
  void waitTimeoutHoldsAgainstALongRetryAfter() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "30")
          .addHeader("Content-Type", "application/json").body("{\"error_code\":\"APIGW.0308\",\"error_msg\":\"throttled\"}")
          .build());
    }
    long start = System.nanoTime();
    int code = run(server.url("/").toString(), "wait", "job-1", "--timeout", "5s");
    long took = millisSince(start);
    assertEquals(ExitCodes.TIMEOUT, code, err());
    assertTrue(took < 6_000, "took " + took + " ms");
    assertTrue(err().contains("the server asked to wait 30s"), err());
  }

  @Test
  void aJobNotFoundYetIsSaidAtOnceWithTheTimeTheWaitKeepsTrying() {
    for (int i = 0; i < 50; i++) {
      server.enqueue(new MockResponse.Builder().code(404).addHeader("Content-Type", "application/json")
          .body("{\"errCode\":\"SFS.TURBO.0019\",\"errMsg\":\"job id is invalid\"}").build());
    }
    int code = run(server.url("/").toString(), "wait", "job-typo", "--timeout", "2s", "--interval", "200ms");
    assertEquals(ExitCodes.TIMEOUT, code, err());
    String first = err().split("\n")[0];
    assertTrue(first.contains("job job-typo not found yet") && first.contains("trying until"), err());
  }

  @Test
  void aRedirectEndsTheWaitAsAnErrorAndIsNotFollowed() throws Exception {
    try (MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.start(InetAddress.getLoopbackAddress(), 0);
      server.enqueue(new MockResponse.Builder().code(307).addHeader("Location", elsewhere.url("/x?secret=1"))
          .build());
      int code = run(server.url("/").toString(), "wait", "job-1", "--timeout", "5s");
      assertEquals(ExitCodes.ERROR, code, err());
      assertTrue(err().contains("redirect (HTTP 307)"), err());
      assertTrue(!err().contains("secret=1"), err());
      assertEquals(0, elsewhere.getRequestCount());
    }
  }
}
