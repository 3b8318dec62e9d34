// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code emulate}'s setup errors: one line, exit 2, naming the flag or the place in the jobs file, before it
 * listens. (Each run here fails before serving; one that did not would block, and the timeout would say so.)
 */
@Timeout(30)
class EmulateSetupTest {
  @TempDir
  Path dir;
  CliRun cli;

  @BeforeEach
  void setUp() {
    cli = new CliRun(dir);
  }

  /** The one line of a setup error, without its {@code error: --jobs FILE: } prefix. */
  String jobsFileError(String json) throws Exception {
    Path file = Files.write(dir.resolve("jobs.json"), json.getBytes(StandardCharsets.UTF_8));
    assertEquals(ExitCodes.USAGE, cli.run("emulate", "--jobs", file.toString()), cli.err());
    String prefix = "error: --jobs " + file + ": ";
    assertTrue(cli.err().startsWith(prefix) && cli.err().indexOf('\n') == cli.err().length() - 1, cli.err());
    for (String internal : new String[] {"gson", "Exception", "http", "$."}) {
      assertFalse(cli.err().contains(internal), "library internals (" + internal + "): " + cli.err());
    }
    return cli.err().substring(prefix.length(), cli.err().length() - 1);
  }

  @Test
  void aPortInUseIsASetupErrorNamingPort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertEquals(ExitCodes.USAGE, cli.run("emulate", "--port", Integer.toString(port)), cli.err());
      assertEquals("error: --port " + port + ": already in use; choose another, or 0 for a free one\n", cli.err());
      assertEquals("", cli.out());
    }
  }

  @Test
  void aRateLimitOutsideItsRangeSaysTheRange() {
    for (String absurd : new String[] {"1e-20", "0", "-3", "NaN", "Infinity", "2e6"}) {
      assertEquals(ExitCodes.USAGE, cli.run("emulate", "--rate-limit", absurd), absurd);
      assertTrue(cli.err().startsWith("error: --rate-limit: must be from 0.01 to 1000000 requests per second, was "),
          cli.err());
    }
  }

  @Test
  void brokenJsonSaysLineAndColumnInItsOwnWords() throws Exception {
    assertEquals("line 3 column 3: expected a member name in double quotes, found '}'",
        jobsFileError("{\"jobs\": [\n  {\"job_id\": \"a\",\n  }]}"));
    assertEquals("line 1 column 26: expected ',' or '}' after a member, found '\"'",
        jobsFileError("{\"jobs\": [{\"job_id\": \"a\" \"end\": \"never\"}]}"));
    assertEquals("line 2 column 1: unexpected end of the file; expected a value", jobsFileError("{\"jobs\":\n"));
    assertEquals("line 1 column 14: \"jobs\" is given twice in one object",
        jobsFileError("{\"jobs\": [], \"jobs\": []}"));
  }

  @Test
  void aStepNeedsExactlyOneOfPollsAndSeconds() throws Exception {
    assertEquals("job 'a': step 2 has neither \"polls\" nor \"seconds\"; give one, e.g. \"polls\": 3",
        jobsFileError("{\"jobs\": [{\"job_id\": \"a\", \"steps\": [{\"status\": \"waiting\", \"polls\": 1},"
            + " {\"status\": \"running\"}]}]}"));
    assertEquals("job 'a': sub-job 's': step 1 has both \"polls\" and \"seconds\"; give one",
        jobsFileError("{\"jobs\": [{\"job_id\": \"a\", \"sub_jobs\": [{\"job_id\": \"s\", \"steps\": "
            + "[{\"status\": \"running\", \"polls\": 2, \"seconds\": 3}]}]}]}"));
    assertEquals("job 'a': step 1: \"polls\" must be a whole number from 1 to 2147483647, was 2.5",
        jobsFileError("{\"jobs\": [{\"job_id\": \"a\", \"steps\": [{\"status\": \"running\", \"polls\": 2.5}]}]}"));
    assertEquals("job 'a': step 1: unknown member \"pols\"; known: status, polls, seconds",
        jobsFileError("{\"jobs\": [{\"job_id\": \"a\", \"steps\": [{\"status\": \"running\", \"pols\": 2}]}]}"));
  }

  @Test
  void aJobIdGivenTwiceIsRefused() throws Exception {
    assertEquals("job id 'a' is given twice (jobs 1 and 3); each job needs its own",
        jobsFileError("{\"jobs\": [{\"job_id\": \"a\"}, {\"job_id\": \"b\"}, {\"job_id\": \"a\", \"end\": \"never\"}]}"));
    assertEquals("job 'a': sub-job id 's' is given twice; each sub-job needs its own",
        jobsFileError("{\"jobs\": [{\"job_id\": \"a\", \"sub_jobs\": [{\"job_id\": \"s\"}, {\"job_id\": \"s\"}]}]}"));
    assertEquals("job 1: job_id must not contain '/' (at index 1): it would change the path",
        jobsFileError("{\"jobs\": [{\"job_id\": \"a/b\"}]}"));
  }

  @Test
  void aValidFileIsRead() throws Exception {
    Path file = Files.write(dir.resolve("ok.json"), ("{\"jobs\": [{\"job_id\": \"a\", \"job_type\": \"expand\", "
        + "\"steps\": [{\"status\": \"running\", \"seconds\": 1.5}], \"end\": \"FAILED\", \"error_code\": \"E\", "
        + "\"sub_jobs\": [{\"job_id\": \"s\", \"steps\": [{\"status\": \"running\", \"seconds\": 1}]}], "
        + "\"faults\": [\"throttled\"]}], \"fault_rate\": {\"rate\": 0.5, \"seed\": 7, \"faults\": [\"STALL\"]}}")
        .getBytes(StandardCharsets.UTF_8));
    assertEquals(1, JobsFile.read(file).size());
  }

  @Test
  void jsonTextIsStrictAndBounded() {
    assertEquals("line 1 column 2: a number must not start with 0 (write 7, not 07)",
        assertThrows(JsonText.Malformed.class, () -> JsonText.parse("07")).getMessage());
    assertEquals("line 1 column 4: text after the end of the document",
        assertThrows(JsonText.Malformed.class, () -> JsonText.parse("{} x")).getMessage());
    assertEquals("line 2 column 2: unterminated string",
        assertThrows(JsonText.Malformed.class, () -> JsonText.parse("[\n \"abc")).getMessage());
    assertTrue(assertThrows(JsonText.Malformed.class, () -> JsonText.parse("[".repeat(100_000))).getMessage()
        .endsWith("nested deeper than 64 levels"));
    assertTrue(assertThrows(JsonText.Malformed.class, () -> JsonText.parse("{'a': 1}")).getMessage()
        .contains("expected a member name in double quotes, found '''"));
    assertTrue(assertThrows(JsonText.Malformed.class, () -> JsonText.parse("[\"a\u0001\"]")).getMessage()
        .contains("a control character inside a string"));
    assertEquals("\u00e9\ud83d\ude00\"\n", assertDoesNotThrowParse("[\"\\u00e9\ud83d\ude00\\\"\\n\"]"));
  }

  private static String assertDoesNotThrowParse(String json) {
    try {
      return JsonText.parse(json).getAsJsonArray().get(0).getAsString();
    } catch (JsonText.Malformed e) {
      throw new AssertionError(e.getMessage());
    }
  }
}
