// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.testkit.internal.RequestLimits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The emulator as a server that a raw socket client talks to: an endless header line or body is refused with the
 * status an HTTP server gives (431, 413) once the bound is passed, not read into memory; ordinary requests on the
 * same kind of connection, pipelined or with small bodies, are unaffected.
 */
@Timeout(60)
class EmulatorRequestLimitsTest {
  SfsTurboEmulator emulator;
  String get;

  @BeforeEach
  void start() {
    emulator = SfsTurboEmulator.builder().build().start();
    emulator.addJob(JobScript.builder("job-1").status("running", 100).succeeds().build());
    get = "GET /v1/" + emulator.projectId() + "/sfs-turbo/jobs/job-1 HTTP/1.1\r\nHost: emulator\r\n"
        + "X-Auth-Token: emulator-token\r\n";
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  Socket connect() throws IOException {
    Socket s = new Socket(emulator.endpoint().getHost(), emulator.endpoint().getPort());
    s.setSoTimeout(20_000);
    return s;
  }

  /** Writes on another thread, as a client that streams regardless of the answer; a reset ends it quietly. */
  static Thread sender(Socket s, String start, long fillerBytes, String end) {
    Thread t = new Thread(() -> {
      try {
        OutputStream out = s.getOutputStream();
        out.write(start.getBytes(StandardCharsets.US_ASCII));
        byte[] filler = new byte[64 * 1024];
        Arrays.fill(filler, (byte) 'a');
        for (long sent = 0; sent < fillerBytes; sent += filler.length) {
          out.write(filler, 0, (int) Math.min(filler.length, fillerBytes - sent));
        }
        out.write(end.getBytes(StandardCharsets.US_ASCII));
        out.flush();
      } catch (IOException refusedAndClosed) {
        // The server answered and closed while this was still sending: what the test expects.
      }
    }, "raw-client");
    t.setDaemon(true);
    t.start();
    return t;
  }

  static String statusLine(Socket s) throws IOException {
    return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
  }

  @Test
  void aTenMegabyteHeaderLineGets431() throws Exception {
    try (Socket s = connect()) {
      sender(s, get + "X-Padding: ", 10L << 20, "\r\n\r\n");
      assertEquals("HTTP/1.1 431 Request Header Fields Too Large", statusLine(s));
    }
    assertServesOnAFreshConnection();
  }

  @Test
  void aHugeBodyGets413BeforeItIsSent() throws Exception {
    try (Socket s = connect()) {
      // Announced, not sent: the answer comes from the header alone.
      s.getOutputStream().write(("POST /v1/" + emulator.projectId() + "/sfs-turbo/jobs/job-1 HTTP/1.1\r\n"
          + "Host: emulator\r\nContent-Length: 1099511627776\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      assertEquals("HTTP/1.1 413 Content Too Large", statusLine(s));
    }
    try (Socket s = connect()) {
      sender(s, "POST / HTTP/1.1\r\nContent-Length: " + (32L << 20) + "\r\n\r\n", 32L << 20, "");
      assertEquals("HTTP/1.1 413 Content Too Large", statusLine(s));
    }
    assertServesOnAFreshConnection();
  }

  @Test
  void bodiesWithoutALengthOrOnGetAreRefused() throws Exception {
    for (String[] c : new String[][] {
        {"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", "HTTP/1.1 411 Length Required"},
        {get + "Content-Length: 5\r\n\r\nhello", "HTTP/1.1 400 Bad Request"},
        {"POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello", "HTTP/1.1 400 Bad Request"},
        {"POST / HTTP/1.1\r\nContent-Length: x\r\n\r\n", "HTTP/1.1 400 Bad Request"}}) {
      try (Socket s = connect()) {
        s.getOutputStream().write(c[0].getBytes(StandardCharsets.US_ASCII));
        assertEquals(c[1], statusLine(s), c[0]);
      }
    }
  }

  @Test
  void anHttpsClientIsAnsweredInPlainHttpAtOnce() throws Exception {
    try (Socket s = connect()) {
      // The start of a TLS ClientHello: a handshake record, TLS 1.0 record version, then the message.
      s.getOutputStream().write(new byte[] {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03});
      assertEquals("HTTP/1.1 400 Bad Request", statusLine(s));
    }
    java.net.URI https = java.net.URI.create("https://127.0.0.1:" + emulator.endpoint().getPort() + "/");
    // With the default retries: three attempts that each fail at once, where each used to wait out its 20 s bound.
    try (SfsTurboJobsClient client = emulator.clientBuilder().endpoint(https).build()) {
      long start = System.nanoTime();
      org.junit.jupiter.api.Assertions.assertThrows(io.sfsturbo.jobs.errors.SfsTurboException.class,
          () -> client.showJobDetail("job-1"));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(millis < 10_000, "the handshakes failed after " + millis + " ms, not at once");
    }
  }

  @Test
  void ordinaryRequestsPassPipelinedWithSmallBodiesAndBigTokens() throws Exception {
    String bigHeader = "X-Padding: " + "a".repeat(RequestLimits.DEFAULT_MAX_HEAD_BYTES - get.length() - 100) + "\r\n";
    String pipelined = get + "\r\n"
        + "POST /v1/" + emulator.projectId() + "/sfs-turbo/jobs/job-1 HTTP/1.1\r\nX-Auth-Token: emulator-token\r\n"
        + "Content-Length: 11\r\n\r\n{\"a\": \"b\"}\n"
        + get + bigHeader + "\r\n";
    try (Socket s = connect()) {
      s.getOutputStream().write(pipelined.getBytes(StandardCharsets.US_ASCII));
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
      assertEquals("HTTP/1.1 200 OK", in.readLine());
      skipResponse(in);
      String status = in.readLine();
      assertTrue(status.startsWith("HTTP/1.1 405 "), "the POST and its body, read to its end: " + status);
      skipResponse(in);
      assertEquals("HTTP/1.1 200 OK", in.readLine(), "a head just under the bound");
    }
    assertEquals(3, emulator.journal("job-1").size());
  }

  /** Reads one response's headers and its Content-Length body. */
  static void skipResponse(BufferedReader in) throws IOException {
    int length = 0;
    for (String line = in.readLine(); !line.isEmpty(); line = in.readLine()) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    assertEquals(length, in.skip(length));
  }

  void assertServesOnAFreshConnection() {
    try (SfsTurboJobsClient client = emulator.newClient()) {
      assertEquals("running", client.showJobDetail("job-1").statusAsString());
    }
    assertTrue(emulator.requestsServed() >= 1);
  }
}
