// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

/**
 * The canonical request the gateway recomputes, piece by piece, against oracles that share no code with the
 * signer: the JDK's form encoder (made RFC 3986), the JDK's SHA-256 and HMAC. A difference in any piece is a
 * signature the gateway refuses.
 */
class SigningCanonicalisationTest {
  private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");

  /** RFC 3986 percent-encoding from the JDK's HTML form encoder. */
  private static String rfc3986(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
  }

  @Test
  void everyAsciiCharacterAndSomeBeyondAreEncodedAsRfc3986Says() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 128; c++) {
      String s = String.valueOf(c);
      assertEquals(rfc3986(s), AkSkSigner.encode(s), "char " + (int) c);
      all.append(c);
    }
    for (String s : new String[] {"\u00e4", "\u00ff", "\u0100", "\u20ac", "\ud83d\ude00", "job-1_a.b~c", "", "a b",
        all.toString()}) {
      assertEquals(rfc3986(s), AkSkSigner.encode(s), s);
    }
    String unreserved = "AZaz09-_.~";
    assertSame(unreserved, AkSkSigner.encode(unreserved), "nothing to encode: the text itself");
  }

  @Test
  void thePathIsEachDecodedSegmentEncodedAgainAlwaysEndingInASlash() {
    String[][] cases = {
        {"https://h.example/", "/"},
        {"https://h.example/v1/p/jobs/j", "/v1/p/jobs/j/"},
        {"https://h.example/v1/p/jobs/j/", "/v1/p/jobs/j/"},
        {"https://h.example/a%2Fb/c%20d/e+f/%7e", "/a%2Fb/c%20d/e%2Bf/~/"},
    };
    for (String[] c : cases) {
      assertEquals(c[1], AkSkSigner.canonicalUri(HttpUrl.get(c[0])), c[0]);
    }
  }

  @Test
  void theQueryIsSortedPairsEncodedWithAnEmptyValueForANameAlone() {
    String[][] cases = {
        {"https://h.example/x", ""},
        {"https://h.example/x?", "="},
        {"https://h.example/x?b=2&a=1&a=0", "a=0&a=1&b=2"},
        {"https://h.example/x?flag", "flag="},
        {"https://h.example/x?x=", "x="},
        {"https://h.example/x?a%20b=c*d&~=%7E", "a%20b=c%2Ad&~=~"},
    };
    for (String[] c : cases) {
      assertEquals(c[1], AkSkSigner.canonicalQuery(HttpUrl.get(c[0])), c[0]);
    }
  }

  @Test
  void theHostCarriesThePortOnlyWhenItIsNotTheSchemesDefault() {
    String[][] cases = {
        {"https://h.example/", "h.example"},
        {"https://h.example:443/", "h.example"},
        {"http://h.example:80/", "h.example"},
        {"https://h.example:80/", "h.example:80"},
        {"http://h.example:443/", "h.example:443"},
        {"https://[::1]/", "[::1]"},
        {"https://[::1]:8443/", "[::1]:8443"},
    };
    for (String[] c : cases) {
      Request r = new Request.Builder().url(c[0]).header("X-Sdk-Date", "20261129T100000Z").build();
      assertEquals("GET\n/\n\nhost:" + c[1] + "\nx-sdk-date:20261129T100000Z\n\nhost;x-sdk-date\n"
          + hex(sha256(new byte[0])), AkSkSigner.canonicalRequest(r), c[0]);
    }
  }

  @Test
  void aBodyIsHashedAndTheSignatureIsTheHmacOfTheStringToSign() throws Exception {
    Request post = new Request.Builder().url("https://h.example/v1/p/jobs?limit=5")
        .post(RequestBody.create("{\"a\":1}", MediaType.get("application/json")))
        .header("Content-Type", "application/json").header("X-Project-Id", "p").build();
    Request signed = AkSkSigner.sign(post, "AK", "SK", AT);
    String canonical = AkSkSigner.canonicalRequest(signed);
    assertEquals("POST\n/v1/p/jobs/\nlimit=5\ncontent-type:application/json\nhost:h.example\n"
        + "x-project-id:p\nx-sdk-date:20261129T100000Z\n\ncontent-type;host;x-project-id;x-sdk-date\n"
        + hex(sha256("{\"a\":1}".getBytes(StandardCharsets.UTF_8))), canonical);
    String toSign = "SDK-HMAC-SHA256\n20261129T100000Z\n" + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
    assertEquals(toSign, AkSkSigner.stringToSign("20261129T100000Z", canonical));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("SK".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    assertEquals("SDK-HMAC-SHA256 Access=AK, SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature="
        + hex(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8))), signed.header("Authorization"));
    // The same request signed a second later, or with another key, is another signature.
    assertNotEquals(signed.header("Authorization"),
        AkSkSigner.sign(post, "AK", "SK", AT.plusSeconds(1)).header("Authorization"));
    assertNotEquals(signed.header("Authorization"), AkSkSigner.sign(post, "AK", "SK2", AT).header("Authorization"));
  }

  @Test
  void hexIsLowerCaseTwoDigitsPerByteWhateverItsSign() {
    byte[] bytes = {0, 1, 0x0f, 0x10, 0x7f, (byte) 0x80, (byte) 0xab, (byte) 0xff};
    assertEquals("00010f107f80abff", AkSkSigner.hex(bytes));
    assertEquals(HexFormat.of().formatHex(sha256("x".getBytes(StandardCharsets.UTF_8))),
        AkSkSigner.hex(AkSkSigner.sha256("x".getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void theSdkDateIsFormattedOnceASecondAndFollowsTheClockEitherWay() {
    SdkDates dates = new SdkDates();
    assertEquals("20261129T100000Z", dates.format(AT));
    assertEquals("20261129T100000Z", dates.format(AT.plusMillis(999)));
    assertEquals("20261129T100001Z", dates.format(AT.plusSeconds(1)));
    assertEquals("20261129T095959Z", dates.format(AT.minusMillis(1)), "a clock set back is followed too");
    assertEquals("19700101T000000Z", dates.format(Instant.EPOCH));
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
