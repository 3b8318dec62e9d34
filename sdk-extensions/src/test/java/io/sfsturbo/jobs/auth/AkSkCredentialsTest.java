// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.auth;

import io.sfsturbo.jobs.testing.Envs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static io.sfsturbo.jobs.testing.SecretAssertions.CANARY;
import static io.sfsturbo.jobs.testing.SecretAssertions.assertNoPartOf;

import io.sfsturbo.jobs.errors.CredentialsException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AkSkCredentialsTest {
  @Test
  void surroundingWhitespaceIsTrimmedAndTheIdentityIsOneValue() {
    AkSkCredentials padded = AkSkCredentials.temporary(" AKTESTEXAMPLE\r\n", "\tSKsecretEXAMPLE\r\n", "sts\r\n");
    Identity identity = padded.resolveIdentity();
    assertEquals("AKTESTEXAMPLE", identity.accessKey());
    assertEquals("SKsecretEXAMPLE", identity.secretKey());
    assertEquals("sts", identity.securityToken());
    assertTrue(identity == padded.resolveIdentity(), "the same identity at every call");
    assertFalse(identity.toString().contains("SKsecret") || identity.toString().contains("sts"), identity.toString());
  }

  @Test
  void secretsStayHiddenAndBlankKeysAreRejected() {
    String text = AkSkCredentials.temporary("AKID", "very-secret-sk", "very-secret-sts").toString();
    assertFalse(text.contains("very-secret"), text);
    assertTrue(text.contains("AKID"));
    assertEquals("the secret key from AkSkCredentials.of(accessKey, secretKey) must not be blank (it is empty or "
        + "only whitespace)", assertThrows(IllegalArgumentException.class, () -> AkSkCredentials.of("AK", " "))
        .getMessage());
    assertThrows(IllegalArgumentException.class, () -> AkSkCredentials.temporary("AK", "SK", null));
    assertThrows(IllegalArgumentException.class, () -> AkSkCredentials.of(null, "SK"));
  }

  @Test
  void environmentChain() {
    Map<String, String> env = new HashMap<>();
    env.put("HUAWEICLOUD_SDK_AK", "AK");
    env.put("HUAWEICLOUD_SDK_SK", "SK");
    assertInstanceOf(AkSkCredentials.class, DefaultCredentialsChain.resolve(Envs.of(env)));
    env.put("HUAWEICLOUD_SDK_SECURITY_TOKEN", "STS");
    assertEquals("STS", DefaultCredentialsChain.resolve(Envs.of(env)).resolveIdentity().securityToken());
    env.remove("HUAWEICLOUD_SDK_SK");
    CredentialsException half = assertThrows(CredentialsException.class, () -> DefaultCredentialsChain.resolve(Envs.of(env)));
    assertTrue(half.getMessage().contains("HUAWEICLOUD_SDK_SK"), half.getMessage());
    Map<String, String> tokenOnly = new HashMap<>();
    tokenOnly.put("SFSTURBO_AUTH_TOKEN", "tok");
    assertEquals("tok", DefaultCredentialsChain.resolve(Envs.of(tokenOnly)).resolveIdentity().token());
    assertTrue(assertThrows(CredentialsException.class, () -> DefaultCredentialsChain.resolve(Envs.of(new HashMap<>())))
        .getMessage().contains("SFSTURBO_AUTH_TOKEN"));
  }

  /** Values with a character that cannot be sent or signed: CR, LF, NUL, DEL, a non-ASCII letter, a tab inside. */
  @ParameterizedTest
  @ValueSource(strings = {CANARY + "\rX", CANARY + "\nX", CANARY + "\u0000", CANARY + "\u007f",
      "CANARY-\u00e9-SECRET-7f3a", "CANARY-SECRET\t7f3a"})
  void keysAndTokensThatCannotBeSentAreRefusedWithoutShowingThem(String bad) {
    IllegalArgumentException sk = assertThrows(IllegalArgumentException.class, () -> AkSkCredentials.of("AK", bad));
    assertTrue(sk.getMessage().startsWith("the secret key from AkSkCredentials.of(accessKey, secretKey) contains "),
        sk.getMessage());
    assertNoPartOf(bad, sk);
    IllegalArgumentException ak = assertThrows(IllegalArgumentException.class, () -> AkSkCredentials.of(bad, "SK"));
    assertTrue(ak.getMessage().startsWith("the access key from AkSkCredentials.of(accessKey, secretKey) contains "),
        ak.getMessage());
    assertNoPartOf(bad, ak);
    IllegalArgumentException sts = assertThrows(IllegalArgumentException.class,
        () -> AkSkCredentials.temporary("AK", "SK", bad));
    assertTrue(sts.getMessage().startsWith("the security token from "
        + "AkSkCredentials.temporary(accessKey, secretKey, securityToken) contains "), sts.getMessage());
    assertTrue(sts.getMessage().contains("printable ASCII"), sts.getMessage());
    assertNoPartOf(bad, sts);
  }

  @Test
  void environmentValuesAreTrimmedAndABadOneNamesItsVariable() {
    Map<String, String> env = new HashMap<>();
    env.put("HUAWEICLOUD_SDK_AK", "AKTESTEXAMPLE\r\n");
    env.put("HUAWEICLOUD_SDK_SK", "SKsecretEXAMPLE\r\n");
    env.put("HUAWEICLOUD_SDK_SECURITY_TOKEN", "sts-token-value\r\n");
    Identity identity = DefaultCredentialsChain.resolve(Envs.of(env)).resolveIdentity();
    assertEquals("AKTESTEXAMPLE", identity.accessKey());
    assertEquals("SKsecretEXAMPLE", identity.secretKey());
    assertEquals("sts-token-value", identity.securityToken());

    String[][] cases = {
        {"HUAWEICLOUD_SDK_AK", "the access key"},
        {"HUAWEICLOUD_SDK_SK", "the secret key"},
        {"HUAWEICLOUD_SDK_SECURITY_TOKEN", "the security token"}};
    for (String[] c : cases) {
      Map<String, String> bad = new HashMap<>(env);
      String value = CANARY + "\r\nX";
      bad.put(c[0], value);
      CredentialsException e = assertThrows(CredentialsException.class, () -> DefaultCredentialsChain.resolve(Envs.of(bad)),
          c[0]);
      assertTrue(e.getMessage().startsWith(c[1] + " from the environment variable " + c[0]
          + " contains a line break (U+000D) at index 18"), e.getMessage());
      assertNoPartOf(value, e);
    }
  }
}
