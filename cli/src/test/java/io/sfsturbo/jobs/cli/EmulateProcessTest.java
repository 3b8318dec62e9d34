// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sfsturbo-jobs emulate} as a separate process: it prints its URL, answers plain HTTP requests (as a
 * Python or shell user would send them) with scripted jobs, checks the token, and stops on SIGTERM.
 */
@Timeout(120)
class EmulateProcessTest {
  @TempDir
  Path dir;

  static int get(URI base, String path, String token, StringBuilder body) throws Exception {
    HttpURLConnection c = (HttpURLConnection) new URL(base.resolve(path).toString()).openConnection();
    if (token != null) {
      c.setRequestProperty("X-Auth-Token", token);
    }
    int code = c.getResponseCode();
    try (java.io.InputStream in = code < 400 ? c.getInputStream() : c.getErrorStream()) {
      body.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    return code;
  }

  @Test
  void answersAnotherProcessWithScriptedJobsAndStopsCleanly() throws Exception {
    Path jobs = Files.write(dir.resolve("jobs.json"), ("{\"jobs\": [{\"job_id\": \"expand-1\", \"job_type\": \"expand\","
        + " \"steps\": [{\"status\": \"running\", \"polls\": 2}], \"end\": \"failed\", \"error_code\": \"SFS.TURBO.0038\","
        + " \"fail_reason\": \"disk full\", \"faults\": [\"THROTTLED\"]}]}").getBytes(StandardCharsets.UTF_8));
    Process p = ChildProcess.cli(dir, Map.of(), "emulate", "--port", "0", "--jobs", jobs.toString(), "--token", "t0k")
        .redirectError(dir.resolve("err.txt").toFile()).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      assertTrue(first != null && first.startsWith("SFS Turbo jobs emulator listening on http://127.0.0.1:"),
          first + "\n" + Files.readString(dir.resolve("err.txt")));
      URI base = URI.create(first.substring(first.indexOf("http://")));
      String path = "v1/emulator-project/sfs-turbo/jobs/expand-1";

      StringBuilder body = new StringBuilder();
      assertEquals(401, get(base, path, "wrong", body), body.toString());
      body.setLength(0);
      assertEquals(429, get(base, path, "t0k", body), "the scripted fault first: " + body);
      body.setLength(0);
      assertEquals(200, get(base, path, "t0k", body), body.toString());
      assertTrue(body.toString().contains("\"status\":\"running\""), body.toString());

      // The CLI itself, in this JVM, against the other process: the job fails at its third poll.
      CliRun cli = new CliRun(dir);
      cli.env.put("SFSTURBO_AUTH_TOKEN", "t0k");
      assertEquals(1, cli.run("wait", "expand-1", "demo-success", "--endpoint", base.toString(), "--insecure-http",
          "--project-id", "emulator-project", "--interval", "10ms"), cli.err());
      assertTrue(cli.err().contains("disk full"), cli.err());
    } finally {
      p.destroy();   // SIGTERM, as Ctrl-C's SIGINT: the shutdown hook closes the server
      assertTrue(p.waitFor(20, TimeUnit.SECONDS), "emulate did not stop");
    }
    assertEquals(143, p.exitValue(), "ended by the signal, after its hook ran");
  }

  @Test
  void actsAsASlowThrottlingGatewayWhenAsked() throws Exception {
    Process p = ChildProcess.cli(dir, Map.of(), "emulate", "--token", "t0k", "--latency", "200ms", "--rate-limit", "1")
        .redirectError(dir.resolve("err.txt").toFile()).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      assertTrue(first != null && first.contains("http://"), first + "\n" + Files.readString(dir.resolve("err.txt")));
      URI base = URI.create(first.substring(first.indexOf("http://")));
      String path = "v1/emulator-project/sfs-turbo/jobs/demo-running";
      StringBuilder body = new StringBuilder();
      long start = System.nanoTime();
      assertEquals(200, get(base, path, "t0k", body), body.toString());
      // A lower bound only: the answer waited for the configured round trip.
      assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(200), "no latency added");
      body.setLength(0);
      assertEquals(429, get(base, path, "t0k", body), "one request per second: " + body);
      assertTrue(body.toString().contains("APIGW.0308"), body.toString());
    } finally {
      p.destroy();
      assertTrue(p.waitFor(20, TimeUnit.SECONDS), "emulate did not stop");
    }
  }

  /**
   * A client that sends a header line or a body far larger than the server's whole heap: the emulator answers
   * 431 and 413 from its bounds and goes on serving, where MockWebServer alone would read either into memory.
   */
  @Test
  void anEndlessHeaderOrBodyCannotExhaustTheHeap() throws Exception {
    Process p = ChildProcess.cli(dir, Map.of(), List.of("-Xmx32m"), "emulate", "--token", "t0k")
        .redirectError(dir.resolve("err.txt").toFile()).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String first = out.readLine();
      assertTrue(first != null && first.contains("http://"), first + "\n" + Files.readString(dir.resolve("err.txt")));
      URI base = URI.create(first.substring(first.indexOf("http://")));
      assertEquals("HTTP/1.1 431 Request Header Fields Too Large", rawExchange(base,
          "GET /v1/emulator-project/sfs-turbo/jobs/demo-running HTTP/1.1\r\nX-Auth-Token: t0k\r\nX-Padding: ", 64L << 20));
      assertEquals("HTTP/1.1 413 Content Too Large", rawExchange(base,
          "POST /v1/emulator-project/sfs-turbo/jobs/demo-running HTTP/1.1\r\nContent-Length: " + (64L << 20)
              + "\r\n\r\n", 64L << 20));
      StringBuilder body = new StringBuilder();
      assertEquals(200, get(base, "v1/emulator-project/sfs-turbo/jobs/demo-running", "t0k", body), body.toString());
      assertTrue(p.isAlive());
      assertEquals("", Files.readString(dir.resolve("err.txt")), "nothing logged for a refused request");
    } finally {
      p.destroy();
      assertTrue(p.waitFor(20, TimeUnit.SECONDS), "emulate did not stop");
    }
  }

  /** Sends a start and then filler bytes (ignoring a reset once the server has answered); returns the status line. */
  static String rawExchange(URI base, String start, long filler) throws Exception {
    try (java.net.Socket s = new java.net.Socket(base.getHost(), base.getPort())) {
      s.setSoTimeout(30_000);
      Thread sender = new Thread(() -> {
        try {
          java.io.OutputStream o = s.getOutputStream();
          o.write(start.getBytes(StandardCharsets.US_ASCII));
          byte[] chunk = new byte[64 * 1024];
          java.util.Arrays.fill(chunk, (byte) 'a');
          for (long sent = 0; sent < filler; sent += chunk.length) {
            o.write(chunk);
          }
        } catch (java.io.IOException answeredAndClosed) {
          // expected once the server has refused the request
        }
      });
      sender.setDaemon(true);
      sender.start();
      return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1)).readLine();
    }
  }

  @Test
  void badGatewayOptionsAreUsageErrors() throws Exception {
    CliRun cli = new CliRun(dir);
    assertEquals(2, cli.run("emulate", "--rate-limit", "-3"));
    assertTrue(cli.err().contains("--rate-limit"), cli.err());
    assertEquals(2, new CliRun(dir).run("emulate", "--latency-max", "10ms"));
  }

  @Test
  void aBadJobsFileIsASetupError() throws Exception {
    Path jobs = Files.write(dir.resolve("jobs.json"), "{\"jobs\": [{\"job_id\": \"x\", \"faults\": [\"METEOR\"]}]}"
        .getBytes(StandardCharsets.UTF_8));
    CliRun cli = new CliRun(dir);
    assertEquals(2, cli.run("emulate", "--jobs", jobs.toString()));
    assertTrue(cli.err().startsWith("error: --jobs " + jobs + ": job 'x': unknown fault 'METEOR'"), cli.err());
  }

  @Test
  @Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aJobsFileIsBoundedInBytesAndJobIdsAndNeverAPipe() throws Exception {
    CliRun cli = new CliRun(dir);
    Path fifo = CliRun.fifo(dir);
    assertEquals(2, cli.run("emulate", "--jobs", fifo.toString()), cli.err());
    assertTrue(cli.err().startsWith("error: --jobs " + fifo + ": is not a regular file"), cli.err());

    Path huge = dir.resolve("huge.json");
    try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
      raf.setLength(JobsFile.MAX_BYTES + 1L);
    }
    assertEquals(2, cli.run("emulate", "--jobs", huge.toString()), cli.err());
    assertTrue(cli.err().startsWith("error: --jobs " + huge + ": is larger than 4 MiB"), cli.err());

    StringBuilder many = new StringBuilder("{\"jobs\": [{\"job_id\": \"j\", \"sub_jobs\": [");
    for (int i = 1; i < JobsFile.MAX_JOB_IDS; i++) {
      many.append(i > 1 ? "," : "").append("{\"job_id\": \"s").append(i).append("\"}");
    }
    Path atLimit = Files.write(dir.resolve("limit.json"), (many + "]}]}").getBytes(StandardCharsets.UTF_8));
    assertEquals(1, JobsFile.read(atLimit).size(), "at the limit: one job and 9999 sub-jobs are read");
    Path over = Files.write(dir.resolve("over.json"), (many + "]}, {\"job_id\": \"k\"}]}")
        .getBytes(StandardCharsets.UTF_8));
    assertEquals(2, cli.run("emulate", "--jobs", over.toString()), cli.err());
    assertTrue(cli.err().startsWith("error: --jobs " + over + ": holds more than 10000 job ids (jobs and sub-jobs "
        + "together), the limit"), cli.err());

    Path nested = Files.write(dir.resolve("nested.json"), ("{\"jobs\": [{\"job_id\": \"j\", \"sub_jobs\": "
        + "[{\"job_id\": \"s\", \"sub_jobs\": []}]}]}").getBytes(StandardCharsets.UTF_8));
    assertEquals(2, cli.run("emulate", "--jobs", nested.toString()), cli.err());
    assertTrue(cli.err().startsWith("error: --jobs " + nested + ": job 'j': sub-job 's' has sub_jobs"), cli.err());
  }
}
