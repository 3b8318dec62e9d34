// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/**
 * Fixed vectors for SDK-HMAC-SHA256, derived independently of this code with Python 3:
 * <pre>
 * canon = method + "\n" + uri + "\n" + query + "\n" + "".join(f"{k}:{v}\n" for k, v in sorted_headers)
 *         + "\n" + ";".join(names) + "\n" + hashlib.sha256(body).hexdigest()
 * sts = "SDK-HMAC-SHA256\n20261129T100000Z\n" + hashlib.sha256(canon.encode()).hexdigest()
 * sig = hmac.new(b"SKsecretEXAMPLE", sts.encode(), hashlib.sha256).hexdigest()
 * </pre>
 */
class AkSkSignerTest {
  static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");
  static final String AK = "AKTESTEXAMPLE";
  static final String SK = "SKsecretEXAMPLE";
  static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @Test
  void plainGetWithProjectIdAndContentType() {
    Request request = new Request.Builder()
        .url("https://sfs-turbo.eu-de.otc.t-systems.com/v1/proj/sfs-turbo/jobs/job-1")
        .header("X-Project-Id", "proj").header("Content-Type", "application/json").build();
    Request signed = AkSkSigner.sign(request, AK, SK, AT);
    assertEquals("20261129T100000Z", signed.header("X-Sdk-Date"));
    assertEquals("GET\n/v1/proj/sfs-turbo/jobs/job-1/\n\ncontent-type:application/json\n"
        + "host:sfs-turbo.eu-de.otc.t-systems.com\nx-project-id:proj\nx-sdk-date:20261129T100000Z\n\n"
        + "content-type;host;x-project-id;x-sdk-date\n" + EMPTY_SHA256, AkSkSigner.canonicalRequest(signed));
    assertEquals("SDK-HMAC-SHA256\n20261129T100000Z\n8fad30fa2d142161c1880fa1e9ee9767cb71eb1216d45be693028a3a28245e71",
        AkSkSigner.stringToSign("20261129T100000Z", AkSkSigner.canonicalRequest(signed)));
    assertEquals("SDK-HMAC-SHA256 Access=AKTESTEXAMPLE, SignedHeaders=content-type;host;x-project-id;x-sdk-date, "
        + "Signature=e0771b73ec80574097fff590646b2cacb4f3355287fa0cc0d59544b0636120cc", signed.header("Authorization"));
  }

  @Test
  void securityTokenIsSigned() {
    Request request = new Request.Builder()
        .url("https://sfs-turbo.eu-de.otc.t-systems.com/v1/proj/sfs-turbo/jobs/job-1")
        .header("X-Project-Id", "proj").header("X-Security-Token", "sts-token-value").build();
    assertEquals("SDK-HMAC-SHA256 Access=AKTESTEXAMPLE, SignedHeaders=host;x-project-id;x-sdk-date;x-security-token, "
        + "Signature=6ecf4cbc4844c8e9a33cede3a8267c0cd345606b980b6cf670420d9128462822",
        AkSkSigner.sign(request, AK, SK, AT).header("Authorization"));
  }

  @Test
  void encodedSegmentsQueryAndPort() {
    HttpUrl url = HttpUrl.get("https://127.0.0.1:8443/").newBuilder().addPathSegments("v1/proj/sfs-turbo/jobs")
        .addPathSegment("a b*~c").addQueryParameter("limit", "10").addQueryParameter("b", "x y").build();
    Request signed = AkSkSigner.sign(new Request.Builder().url(url).build(), AK, SK, AT);
    assertEquals("GET\n/v1/proj/sfs-turbo/jobs/a%20b%2A~c/\nb=x%20y&limit=10\nhost:127.0.0.1:8443\n"
        + "x-sdk-date:20261129T100000Z\n\nhost;x-sdk-date\n" + EMPTY_SHA256, AkSkSigner.canonicalRequest(signed));
    assertEquals("SDK-HMAC-SHA256 Access=AKTESTEXAMPLE, SignedHeaders=host;x-sdk-date, "
        + "Signature=08c1acb59d842c19e54252d116938dc3addca768c7f2ba93657745a24c5a4b15", signed.header("Authorization"));
  }

  @Test
  void encodingFollowsRfc3986() {
    assertEquals("a%20b%2A~-_.%2F%C3%A4", AkSkSigner.encode("a b*~-_./ä"));
  }
}
