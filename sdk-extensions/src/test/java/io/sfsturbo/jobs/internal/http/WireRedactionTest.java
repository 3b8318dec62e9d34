// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** What the wire log may show: every credential redacted, echoes of them cut, hostile text escaped. */
class WireRedactionTest {
  private static final Headers REQUEST = Headers.of(
      "Authorization", "SDK-HMAC-SHA256 Access=AKCANARY0001, SignedHeaders=host;x-sdk-date, Signature=0123456789abcdef",
      "X-Auth-Token", "MIIcanarytokenvalue", "X-Security-Token", "stscanaryvalue", "X-Sdk-Date", "20261129T100000Z",
      "User-Agent", "sfsturbo-jobs-java/1");

  @Test
  void credentialHeadersShowOnlyTheirScheme() {
    List<String> secrets = WireRedaction.secretsOf(REQUEST);
    assertEquals("SDK-HMAC-SHA256 [redacted]", WireRedaction.value("Authorization", REQUEST.get("Authorization"),
        secrets));
    for (String name : new String[] {"X-Auth-Token", "x-security-token", "X-Subject-Token", "Proxy-Authorization",
        "Cookie", "Set-Cookie", "X-Api-Key", "X-Session-Id", "X-Client-Secret", "X-Password"}) {
      assertEquals("[redacted]", WireRedaction.value(name, "value0123456789", secrets), name);
    }
    assertEquals("20261129T100000Z", WireRedaction.value("X-Sdk-Date", "20261129T100000Z", secrets));
  }

  @Test
  void whatTheServerEchoesOfTheRequestsSecretsIsCut() {
    List<String> secrets = WireRedaction.secretsOf(REQUEST);
    String page = "you sent MIIcanarytokenvalue with Signature=0123456789abcdef and stscanaryvalue";
    String scrubbed = WireRedaction.scrub(page, secrets);
    assertFalse(scrubbed.contains("MIIcanarytokenvalue"), scrubbed);
    assertFalse(scrubbed.contains("0123456789abcdef"), scrubbed);
    assertFalse(scrubbed.contains("stscanaryvalue"), scrubbed);
    assertTrue(scrubbed.startsWith("you sent [redacted] with "), scrubbed);
    assertEquals("rid-1", WireRedaction.value("X-Request-Id", "rid-1", secrets));
    assertEquals("echo [redacted]", WireRedaction.value("X-Debug", "echo MIIcanarytokenvalue", secrets));
  }

  @Test
  void queryValuesAreHiddenInUrlsAndLocations() {
    assertEquals("https://h/p?sig=%5Bredacted%5D&flag",
        WireRedaction.url(HttpUrl.get("https://h/p?sig=abc&flag")));
    assertEquals("https://h/v1/p/sfs-turbo/jobs/j", WireRedaction.url(HttpUrl.get("https://h/v1/p/sfs-turbo/jobs/j")));
    assertEquals("http://elsewhere/steal?[redacted]",
        WireRedaction.value("Location", "http://elsewhere/steal?sts=secret", List.of()));
  }

  @Test
  void hostileTextIsEscapedAndCapped() {
    String shown = WireRedaction.value("X-Evil", "a\u001b[2Jb\r\nForged: line\u202e", List.of());
    assertEquals("a\\u001b[2Jb\\u000d\\u000aForged: line\\u202e", shown);
    String longValue = "x".repeat(10_000);
    assertTrue(WireRedaction.value("X-Long", longValue, List.of()).length() < 700);
  }

  @Test
  void secretsAreCutWholeAndInPiecesOfEightCharactersOrMore() {
    List<String> secrets = WireRedaction.secretsOf(Headers.of("X-Auth-Token", "ab cdefg", "X-Api-Key", "short",
        "Authorization", "Token=abcdefgh", "X-Session", "k=1234567", "X-Trace", "not-a-secret-at-all"));
    assertEquals("x [redacted] y", WireRedaction.scrub("x ab cdefg y", secrets), "a whole value of eight");
    assertEquals("x short y", WireRedaction.scrub("x short y", secrets), "shorter values cut nothing");
    assertEquals("x [redacted] y", WireRedaction.scrub("x abcdefgh y", secrets), "a piece of eight");
    assertEquals("x 1234567 y", WireRedaction.scrub("x 1234567 y", secrets), "a piece of seven is kept");
    assertEquals("x not-a-secret-at-all y", WireRedaction.scrub("x not-a-secret-at-all y", secrets));
  }

  @Test
  void bothLocationHeadersLoseTheirQueryAndNoOtherDoes() {
    assertEquals("/v1/jobs?[redacted]", WireRedaction.value("Content-Location", "/v1/jobs?sig=abc", List.of()));
    assertEquals("/v1/jobs?[redacted]", WireRedaction.value("location", "/v1/jobs?sig=abc", List.of()));
    assertEquals("?[redacted]", WireRedaction.value("Location", "?sig=abc", List.of()), "a query alone");
    assertEquals("/v1/jobs", WireRedaction.value("Location", "/v1/jobs", List.of()));
    assertEquals("/v1/jobs?page=2", WireRedaction.value("X-Next", "/v1/jobs?page=2", List.of()));
  }
}
