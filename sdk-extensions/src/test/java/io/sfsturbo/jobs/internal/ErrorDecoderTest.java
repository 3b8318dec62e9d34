// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.errors.AuthenticationException;
import io.sfsturbo.jobs.errors.BadRequestException;
import io.sfsturbo.jobs.errors.PermissionDeniedException;
import io.sfsturbo.jobs.errors.ResourceNotFoundException;
import io.sfsturbo.jobs.errors.ServerException;
import io.sfsturbo.jobs.errors.ServiceException;
import io.sfsturbo.jobs.errors.ThrottledException;
import io.sfsturbo.jobs.model.SfsTurboErrorCode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorDecoderTest {
  static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

  private static ServiceException decode(int status, String body) {
    return ErrorDecoder.decode("op", status, "hdr-id", null, body, NOW);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"errCode\":\"SFS.TURBO.0001\",\"errMsg\":\"parameter error\"}|SFS.TURBO.0001|parameter error",
      "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"bad signature\",\"request_id\":\"b\"}|APIGW.0301|bad signature",
      "{\"code\":\"X.1\",\"message\":\"m\"}|X.1|m",
      "{\"error\":{\"code\":401,\"message\":\"The request you have made requires authentication.\"}}|401|The request you have made requires authentication.",
      "{\"error\":{\"errCode\":\"SFS.TURBO.0019\",\"errMsg\":\"nested\"}}|SFS.TURBO.0019|nested"})
  void decodesEveryKnownShape(String body, String code, String message) {
    ServiceException e = decode(400, body);
    assertEquals(code, e.errorCode());
    assertEquals(message, e.errorMessage());
    assertEquals("hdr-id", e.requestId());
    assertEquals(body, e.rawBody());
    assertTrue(e.getMessage().contains(code) && e.getMessage().contains("hdr-id"), e.getMessage());
  }

  @Test
  void bodyRequestIdIsUsedWhenTheHeaderIsMissing() {
    ServiceException e = ErrorDecoder.decode("op", 401, null, null,
        "{\"error_code\":\"APIGW.0301\",\"error_msg\":\"x\",\"request_id\":\"body-id\"}", NOW);
    assertEquals("body-id", e.requestId());
  }

  @Test
  void mapsEachStatusToItsType() {
    assertInstanceOf(BadRequestException.class, decode(400, ""));
    assertInstanceOf(AuthenticationException.class, decode(401, ""));
    assertInstanceOf(PermissionDeniedException.class, decode(403, ""));
    assertInstanceOf(ResourceNotFoundException.class, decode(404, ""));
    assertInstanceOf(ThrottledException.class, decode(429, ""));
    assertInstanceOf(ServerException.class, decode(500, ""));
    assertInstanceOf(ServerException.class, decode(503, ""));
    ServiceException conflict = decode(409, "");
    assertEquals(ServiceException.class, conflict.getClass());
    assertEquals(409, conflict.statusCode());
  }

  @Test
  void theServicesOwn403IsInTheGeneratedCatalogueAndTheGatewaysShapeToo() {
    ServiceException service = ErrorDecoder.decode("op", 403, "rid", null,
        "{\"errCode\":\"SFS.TURBO.9000\",\"errMsg\":\"no privileges to operate\"}", NOW);
    assertInstanceOf(PermissionDeniedException.class, service);
    assertEquals(SfsTurboErrorCode.NO_PRIVILEGES, service.knownErrorCode());
    assertTrue(service.getMessage().contains("SFS.TURBO.9000 (No privileges to operate)"), service.getMessage());
    ServiceException gateway = ErrorDecoder.decode("op", 403, null, null,
        "{\"error_code\":\"APIGW.0305\",\"error_msg\":\"denied\",\"request_id\":\"g\"}", NOW);
    assertEquals("APIGW.0305", gateway.errorCode());
    assertEquals(SfsTurboErrorCode.UNKNOWN_TO_SDK_VERSION, gateway.knownErrorCode());
    assertEquals("g", gateway.requestId());
    // A field of the wrong kind does not lose the rest of the body.
    ServiceException odd = ErrorDecoder.decode("op", 400, null, null, "{\"errCode\":{\"x\":1},\"errMsg\":\"m\"}", NOW);
    assertEquals("m", odd.errorMessage());
    assertNull(odd.knownErrorCode());
  }

  @Test
  void htmlBodyKeepsTextAndSaysItIsNotJson() {
    ServiceException e = decode(502, "<html><body>Bad Gateway</body></html>");
    assertNull(e.errorCode());
    assertTrue(e.errorMessage().contains("not JSON"), e.errorMessage());
    assertTrue(e.rawBody().contains("Bad Gateway"));
  }

  @Test
  void rawBodyIsCapped() {
    String huge = new String(new char[100_000]).replace('\0', 'x');
    assertTrue(decode(500, huge).rawBody().length() < ServiceException.MAX_RAW_BODY_CHARS + 20);
  }

  @Test
  void retryAfterInSecondsOrAsHttpDate() {
    assertEquals(Duration.ofSeconds(7), ErrorDecoder.parseRetryAfter("7", NOW));
    assertEquals(Duration.ofSeconds(30), ErrorDecoder.parseRetryAfter("Sun, 29 Nov 2026 10:00:30 GMT", NOW));
    assertEquals(Duration.ZERO, ErrorDecoder.parseRetryAfter("Sun, 29 Nov 2026 09:00:00 GMT", NOW));
    // Centuries would overflow the nanosecond arithmetic of delays: a year is the most a server can ask for.
    assertEquals(Duration.ofDays(365), ErrorDecoder.parseRetryAfter("99999999999999", NOW));
    assertEquals(Duration.ofDays(365), ErrorDecoder.parseRetryAfter("Fri, 31 Dec 9999 23:59:59 GMT", NOW));
    assertNull(ErrorDecoder.parseRetryAfter("soon", NOW));
    assertNull(ErrorDecoder.parseRetryAfter(null, NOW));
    ThrottledException t = (ThrottledException) ErrorDecoder.decode("op", 429, null, "3", "", NOW);
    assertEquals(Duration.ofSeconds(3), t.retryAfter());
  }
}
