// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.auth;

import io.sfsturbo.jobs.testing.Envs;
import io.sfsturbo.jobs.config.Environment;
import static io.sfsturbo.jobs.testing.SecretAssertions.CANARY;
import static io.sfsturbo.jobs.testing.SecretAssertions.assertNoPartOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.errors.CredentialsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Huawei Cloud credentials profile and its place in the default chain. */
class CredentialsProfileTest {

  @TempDir
  Path home;
  final Map<String, String> env = new HashMap<>();

  Path profile(String text) throws IOException {
    Path dir = Files.createDirectories(home.resolve(".huaweicloud"));
    return Files.write(dir.resolve("credentials"), text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theOfficialFormatIsRead() throws IOException {
    profile("\ufeff# written by hcloud\n[global]\nak = GLOBALAK\nsk = GLOBALSK\n\n[basic]\r\nak = PROFILEAK\r\n"
        + "sk = " + CANARY + "\r\nsecurity_token = STS\nproject_id = 2a4f\n; a comment\niam_endpoint = https://iam.example\n");
    CredentialsProfile p = CredentialsProfile.find(Environment.of(env, home));
    assertEquals("2a4f", p.projectId());
    assertEquals("https://iam.example", p.iamEndpoint());
    Identity identity = p.credentials().resolveIdentity();
    assertEquals("PROFILEAK", identity.accessKey());
    assertEquals(CANARY, identity.secretKey());
    assertEquals("STS", identity.securityToken());
    assertTrue(!p.toString().contains(CANARY) && !p.toString().contains("PROFILEAK"), p.toString());
  }

  @Test
  void noFileAtTheDefaultPlaceIsNoProfileButANamedFileMustExist() {
    assertNull(CredentialsProfile.find(Environment.of(env, home)));
    env.put(CredentialsProfile.ENV_CREDENTIALS_FILE, home.resolve("nope").toString());
    CredentialsException e = assertThrows(CredentialsException.class, () -> CredentialsProfile.find(Environment.of(env, home)));
    assertTrue(e.getMessage().startsWith("HUAWEICLOUD_SDK_CREDENTIALS_FILE names " + home.resolve("nope")), e.getMessage());
  }

  @Test
  void theVariableNamesAnotherFile() throws IOException {
    profile("[basic]\nproject_id = default\n");
    Path other = Files.write(home.resolve("other.ini"), "[BASIC]\nProject_Id = other\n".getBytes(StandardCharsets.UTF_8));
    env.put(CredentialsProfile.ENV_CREDENTIALS_FILE, other.toString());
    assertEquals("other", CredentialsProfile.find(Environment.of(env, home)).projectId());
  }

  @Test
  void aBadLineNamesTheFileAndTheLineButNotTheLine() throws IOException {
    Path file = profile("[basic]\nak = AK\n" + CANARY + "\nsk = SK\n");
    CredentialsException e = assertThrows(CredentialsException.class, () -> CredentialsProfile.find(Environment.of(env, home)));
    assertEquals("credentials profile: " + file + " line 3: expected 'key = value', a [section] or a # comment"
        + " (if it is the rest of the value on line 2, wrapped, put the whole value on line 2)", e.getMessage());
    assertNoPartOf(CANARY, e);
  }

  @Test
  void aValueThatCannotBeSentNamesKeyFileAndLineNeverTheValue() throws IOException {
    String sk = CANARY + "\u00e9";
    Path file = profile("[basic]\nak = AK\nsk = " + sk + "\n");
    CredentialsException e = assertThrows(CredentialsException.class, () -> CredentialsProfile.find(Environment.of(env, home)));
    assertTrue(e.getMessage().contains("sk in [basic] of the credentials profile " + file + " (line 3)"), e.getMessage());
    assertNoPartOf(sk, e);
  }

  @Test
  void halfAPairADuplicateKeyOrAKeyOutsideASectionIsRefused() throws IOException {
    profile("[basic]\nsk = " + CANARY + "\n");
    assertTrue(assertThrows(CredentialsException.class, () -> CredentialsProfile.find(Environment.of(env, home))).getMessage()
        .contains("line 2: [basic] has sk but no ak"));
    profile("[basic]\nak = A\nak = " + CANARY + "\nsk = S\n");
    CredentialsException dup = assertThrows(CredentialsException.class, () -> CredentialsProfile.find(Environment.of(env, home)));
    assertTrue(dup.getMessage().contains("line 3: the key of this line is given twice in its section (first on line 2)"), dup.getMessage());
    assertNoPartOf(CANARY, dup);
    profile("ak = " + CANARY + "\n");
    assertTrue(assertThrows(CredentialsException.class, () -> CredentialsProfile.find(Environment.of(env, home))).getMessage()
        .contains("line 1: a key before any [section]"));
  }

  @Test
  @org.junit.jupiter.api.Timeout(value = 10, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
  void aNamedPipeIsRefusedNotWaitedFor() throws Exception {
    env.put(CredentialsProfile.ENV_CREDENTIALS_FILE, io.sfsturbo.jobs.internal.BoundedFileTest.fifo(home).toString());
    assertTrue(assertThrows(CredentialsException.class, () -> CredentialsProfile.find(Environment.of(env, home))).getMessage()
        .endsWith("fifo: is not a regular file (a pipe or a device is not read)"));
  }

  @Test
  void aHugeFileIsRefusedUnread() throws IOException {
    profile("[basic]\n" + "x".repeat(70_000));
    assertTrue(assertThrows(CredentialsException.class, () -> CredentialsProfile.find(Environment.of(env, home))).getMessage()
        .contains("larger than 64 KiB"));
  }

  @Test
  void theChainPrefersTheEnvironmentToTheProfile() throws IOException {
    profile("[basic]\nak = PROFILEAK\nsk = PROFILESK\nproject_id = from-profile\n");
    CredentialsProfile p = CredentialsProfile.find(Environment.of(env, home));
    assertEquals("PROFILEAK", DefaultCredentialsChain.resolve(Environment.of(env, home), p).resolveIdentity().accessKey());
    assertEquals("from-profile", DefaultCredentialsChain.projectIdFrom(Environment.of(env, home), p));

    env.put(DefaultCredentialsChain.ENV_AUTH_TOKEN, "tok");
    env.put(DefaultCredentialsChain.ENV_PROJECT_ID, "from-env");
    assertInstanceOf(TokenCredentials.class, DefaultCredentialsChain.resolve(Environment.of(env, home), p));
    assertEquals("from-env", DefaultCredentialsChain.projectIdFrom(Environment.of(env, home), p));

    env.put(DefaultCredentialsChain.ENV_AK, "ENVAK");
    env.put(DefaultCredentialsChain.ENV_SK, "ENVSK");
    assertEquals("ENVAK", DefaultCredentialsChain.resolve(Environment.of(env, home), p).resolveIdentity().accessKey());
  }

  @Test
  void testsRunWithAHomeOfTheirOwn() {
    // The build points user.home at target/: a developer's real profile must not change any test's outcome.
    assertTrue(System.getProperty("user.home").endsWith("test-home"), System.getProperty("user.home"));
    assertNull(CredentialsProfile.find(Envs.of(new HashMap<>())));
  }

  @Test
  void theOneArgumentChainFindsTheNamedProfile() throws IOException {
    Path file = Files.write(home.resolve("creds"), "[basic]\nak = PROFILEAK\nsk = PROFILESK\nproject_id = pp\n"
        .getBytes(StandardCharsets.UTF_8));
    env.put(CredentialsProfile.ENV_CREDENTIALS_FILE, file.toString());
    assertInstanceOf(AkSkCredentials.class, DefaultCredentialsChain.resolve(Envs.of(env)));
    assertEquals("pp", DefaultCredentialsChain.projectIdFrom(Environment.of(env, home), CredentialsProfile.find(Environment.of(env, home))));
    // A profile without credentials leaves the chain's own message, which now names the profile too.
    Files.write(file, "[basic]\nproject_id = pp\n".getBytes(StandardCharsets.UTF_8));
    assertTrue(assertThrows(CredentialsException.class, () -> DefaultCredentialsChain.resolve(Envs.of(env))).getMessage()
        .contains("(2) the credentials profile: " + file + " has no ak and sk in [basic]"));
  }

  @Test
  void aSecurityTokenWrappedOntoASecondLineIsReportedByLineNotCut() throws IOException {
    // The wrapped rest ends in '=' (base64 padding): it reads as a key of its own, and the token would be cut.
    Path file = profile("[basic]\nak = AK\nsk = SK\nsecurity_token = gQ9" + CANARY + "abc\n  " + CANARY + "XYZ==\n");
    CredentialsException e = assertThrows(CredentialsException.class, () -> CredentialsProfile.find(Environment.of(env, home)));
    assertEquals("credentials profile " + file + " line 5: not a key of [basic] but, right after security_token (line 4), "
        + "most likely the rest of its value wrapped onto a second line; put the whole value on line 4", e.getMessage());
    assertNoPartOf(CANARY, e);
    // With characters no key has ('+', '/'), the line is refused by the reader, also by line only.
    file = profile("[basic]\nak = AK\nsk = SK\nsecurity_token = gQ9abc\n" + CANARY + "+/x=\n");
    e = assertThrows(CredentialsException.class, () -> CredentialsProfile.find(Environment.of(env, home)));
    assertEquals("credentials profile: " + file + " line 5: what stands before the '=' is not a key name (letters, "
        + "digits, '_', '.', '-') (if it is the rest of the value on line 4, wrapped, put the whole value on line 4)",
        e.getMessage());
    assertNoPartOf(CANARY, e);
  }

  @Test
  void aSecretWhereAKeyGoesIsNeverEchoedNotEvenLowerCased() throws IOException {
    String secret = "Sk9Wq3ZtXv7";
    profile("[basic]\nak = AK\n" + secret + " = 1\n\n" + secret + " = 2\nsk = SK\n");
    CredentialsException e = assertThrows(CredentialsException.class, () -> CredentialsProfile.find(Environment.of(env, home)));
    assertTrue(e.getMessage().endsWith("line 5: the key of this line is given twice in its section (first on line 3)"),
        e.getMessage());
    assertNoPartOf(secret.toLowerCase(java.util.Locale.ROOT), e);
  }
}
