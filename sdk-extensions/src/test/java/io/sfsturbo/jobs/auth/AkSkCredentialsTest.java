// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static io.sfsturbo.jobs.internal.SecretAssertions.CANARY;
import static io.sfsturbo.jobs.internal.SecretAssertions.assertNoPartOf;

import io.sfsturbo.jobs.errors.CredentialsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AkSkCredentialsTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);
  final Request request = new Request.Builder()
      .url("https://sfs-turbo.eu-de.otc.t-systems.com/v1/proj/sfs-turbo/jobs/job-1")
      .header("X-Project-Id", "proj").build();

  static Response rejection(Request sent, String body, String date) {
    Response.Builder b = new Response.Builder().request(sent).protocol(Protocol.HTTP_1_1).code(401).message("Unauthorized")
        .body(ResponseBody.create(body, MediaType.get("application/json")));
    if (date != null) {
      b.header("Date", date);
    }
    return b.build();
  }

  @Test
  void temporaryCredentialsSignTheSecurityToken() {
    Request signed = AkSkCredentials.temporary("AKTESTEXAMPLE", "SKsecretEXAMPLE", "sts-token-value").withClock(CLOCK)
        .authenticate(request);
    assertEquals("sts-token-value", signed.header("X-Security-Token"));
    assertTrue(signed.header("Authorization").endsWith(
        "Signature=6ecf4cbc4844c8e9a33cede3a8267c0cd345606b980b6cf670420d9128462822"), signed.header("Authorization"));
  }

  @Test
  void learnsTheGatewaysClockFromAnExpiredSignatureRejection() {
    AkSkCredentials creds = AkSkCredentials.of("AK", "SK").withClock(CLOCK);
    Request signed = creds.authenticate(request);
    assertEquals("20261129T100000Z", signed.header("X-Sdk-Date"));
    String apigw = "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"signature expired\",\"request_id\":\"r\"}";
    assertTrue(creds.refreshAfterRejection(rejection(signed, apigw, "Sun, 29 Nov 2026 11:00:00 GMT")));
    assertEquals(Duration.ofHours(1), creds.clockOffset());
    assertEquals("20261129T110000Z", creds.authenticate(request).header("X-Sdk-Date"));
    // once corrected, the same answer no longer means a skew
    assertFalse(creds.refreshAfterRejection(rejection(creds.authenticate(request), apigw,
        "Sun, 29 Nov 2026 11:00:10 GMT")));
  }

  @Test
  void otherRejectionsAreNotRetried() {
    AkSkCredentials creds = AkSkCredentials.of("AK", "SK").withClock(CLOCK);
    Request signed = creds.authenticate(request);
    String apigw = "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"bad signature\"}";
    assertFalse(creds.refreshAfterRejection(rejection(signed, apigw, null)), "no Date header");
    assertFalse(creds.refreshAfterRejection(rejection(signed, apigw, "Sun, 29 Nov 2026 10:01:00 GMT")), "no skew");
    assertFalse(creds.refreshAfterRejection(rejection(signed, "{\"error_code\":\"APIGW.0101\"}",
        "Sun, 29 Nov 2026 12:00:00 GMT")), "another error");
    assertEquals(Duration.ZERO, creds.clockOffset());
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
    assertInstanceOf(AkSkCredentials.class, DefaultCredentialsChain.resolve(env));
    env.put("HUAWEICLOUD_SDK_SECURITY_TOKEN", "STS");
    assertEquals("STS", DefaultCredentialsChain.resolve(env).authenticate(request).header("X-Security-Token"));
    env.remove("HUAWEICLOUD_SDK_SK");
    CredentialsException half = assertThrows(CredentialsException.class, () -> DefaultCredentialsChain.resolve(env));
    assertTrue(half.getMessage().contains("HUAWEICLOUD_SDK_SK"), half.getMessage());
    Map<String, String> tokenOnly = new HashMap<>();
    tokenOnly.put("SFSTURBO_AUTH_TOKEN", "tok");
    assertEquals("tok", DefaultCredentialsChain.resolve(tokenOnly).authenticate(request).header("X-Auth-Token"));
    assertTrue(assertThrows(CredentialsException.class, () -> DefaultCredentialsChain.resolve(new HashMap<>()))
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
  void surroundingWhitespaceIsTrimmedBeforeSigning() {
    Request clean = AkSkCredentials.temporary("AKTESTEXAMPLE", "SKsecretEXAMPLE", "sts-token-value").withClock(CLOCK)
        .authenticate(request);
    Request padded = AkSkCredentials.temporary(" AKTESTEXAMPLE\r\n", "\tSKsecretEXAMPLE\r\n", "sts-token-value\r\n")
        .withClock(CLOCK).authenticate(request);
    assertEquals("sts-token-value", padded.header("X-Security-Token"));
    assertEquals(clean.header("Authorization"), padded.header("Authorization"), "the same AK in the header, "
        + "the same SK in the signature");
  }

  @Test
  void environmentValuesAreTrimmedAndABadOneNamesItsVariable() {
    Map<String, String> env = new HashMap<>();
    env.put("HUAWEICLOUD_SDK_AK", "AKTESTEXAMPLE\r\n");
    env.put("HUAWEICLOUD_SDK_SK", "SKsecretEXAMPLE\r\n");
    env.put("HUAWEICLOUD_SDK_SECURITY_TOKEN", "sts-token-value\r\n");
    Request signed = ((AkSkCredentials) DefaultCredentialsChain.resolve(env)).withClock(CLOCK).authenticate(request);
    assertEquals("sts-token-value", signed.header("X-Security-Token"));
    assertTrue(signed.header("Authorization").endsWith(
        "Signature=6ecf4cbc4844c8e9a33cede3a8267c0cd345606b980b6cf670420d9128462822"), signed.header("Authorization"));

    String[][] cases = {
        {"HUAWEICLOUD_SDK_AK", "the access key"},
        {"HUAWEICLOUD_SDK_SK", "the secret key"},
        {"HUAWEICLOUD_SDK_SECURITY_TOKEN", "the security token"}};
    for (String[] c : cases) {
      Map<String, String> bad = new HashMap<>(env);
      String value = CANARY + "\r\nX";
      bad.put(c[0], value);
      CredentialsException e = assertThrows(CredentialsException.class, () -> DefaultCredentialsChain.resolve(bad),
          c[0]);
      assertTrue(e.getMessage().startsWith(c[1] + " from the environment variable " + c[0]
          + " contains a line break (U+000D) at index 18"), e.getMessage());
      assertNoPartOf(value, e);
    }
  }
}
