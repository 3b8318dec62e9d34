// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.sfsturbo.jobs.errors.AuthenticationException;
import io.sfsturbo.jobs.errors.BadRequestException;
import io.sfsturbo.jobs.errors.ErrorDetails;
import io.sfsturbo.jobs.errors.PermissionDeniedException;
import io.sfsturbo.jobs.errors.ResourceNotFoundException;
import io.sfsturbo.jobs.errors.ServerException;
import io.sfsturbo.jobs.errors.ServiceException;
import io.sfsturbo.jobs.errors.ThrottledException;
import io.sfsturbo.jobs.model.GatewayErrorBody;
import io.sfsturbo.jobs.model.SfsTurboErrorBody;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Turns an error response into the matching {@link ServiceException}. Understands the shapes
 * met behind this API: {@code {errCode, errMsg}} (SFS Turbo) and {@code {error_code, error_msg,
 * request_id}} (API gateway), read through the models generated from the spec's error schemas, and
 * {@code {code, message}}, and any of them nested in {@code {"error": {...}}}.
 */
public final class ErrorDecoder {
  private static final Gson GSON = new Gson();
  private static final Duration MAX_RETRY_AFTER = Duration.ofDays(365);

  private ErrorDecoder() {}

  /**
   * Builds the exception for an error response.
   *
   * @param operation what was attempted, for the message
   * @param status the HTTP status
   * @param requestIdHeader the {@code X-request-id} header, or null
   * @param retryAfterHeader the {@code Retry-After} header, or null
   * @param body the body text, possibly empty
   * @param now the current time, to read a {@code Retry-After} date
   * @return the exception, not thrown
   */
  public static ServiceException decode(String operation, int status, String requestIdHeader,
      String retryAfterHeader, String body, Instant now) {
    String code = null;
    String message = null;
    String bodyRequestId = null;
    JsonObject object = parseObject(body);
    if (object != null && object.has("error") && object.get("error").isJsonObject()) {
      object = object.getAsJsonObject("error");
    }
    if (object != null) {
      String[] fields = fields(object);
      code = fields[0];
      message = fields[1];
      bodyRequestId = fields[2];
    }
    String requestId = requestIdHeader != null ? requestIdHeader : bodyRequestId;
    if (message == null && object == null && !body.isEmpty()) {
      message = "unreadable error body (" + body.length() + " characters, not JSON)";
    }
    ErrorDetails details = new ErrorDetails(operation, status, code, message, requestId, capRaw(body));
    switch (status) {
      case 400:
        return new BadRequestException(details);
      case 401:
        return new AuthenticationException(details);
      case 403:
        return new PermissionDeniedException(details);
      case 404:
        return new ResourceNotFoundException(details);
      case 429:
        return new ThrottledException(details, parseRetryAfter(retryAfterHeader, now));
      default:
        return status >= 500 ? new ServerException(details) : new ServiceException(details);
    }
  }

  /**
   * Reads code, message and request id: through the models generated from the spec's error schemas
   * when the body has their shape, else from the other names met in the wild.
   */
  private static String[] fields(JsonObject object) {
    try {
      if (object.has("errCode") || object.has("errMsg")) {
        SfsTurboErrorBody e = GSON.fromJson(object, SfsTurboErrorBody.class);
        return new String[] {e.errCodeAsString(), e.errMsg(), firstString(object, "request_id", "requestId")};
      }
      if (object.has("error_code") || object.has("error_msg")) {
        GatewayErrorBody e = GSON.fromJson(object, GatewayErrorBody.class);
        return new String[] {e.errorCode(), e.errorMsg(), e.requestId()};
      }
    } catch (RuntimeException wrongTypes) {
      // An object or array where the schema has a string: read what can be read, below.
    }
    return new String[] {firstString(object, "errCode", "error_code", "code"),
        firstString(object, "errMsg", "error_msg", "message", "msg"), firstString(object, "request_id", "requestId")};
  }

  private static JsonObject parseObject(String body) {
    if (body == null || body.isEmpty()) {
      return null;
    }
    try {
      JsonElement element = JsonParser.parseString(body);
      return element.isJsonObject() ? element.getAsJsonObject() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String firstString(JsonObject object, String... names) {
    for (String name : names) {
      JsonElement value = object.get(name);
      if (value != null && value.isJsonPrimitive()) {
        return value.getAsString();
      }
    }
    return null;
  }

  /**
   * Reads a {@code Retry-After} header: delay-seconds or an HTTP date.
   *
   * @param header the header value, or null
   * @param now the current time
   * @return the delay (never negative), or null when absent or unreadable
   */
  public static Duration parseRetryAfter(String header, Instant now) {
    if (header == null || header.trim().isEmpty()) {
      return null;
    }
    String value = header.trim();
    try {
      long seconds = Long.parseLong(value);
      return seconds < 0 ? null : atMost(Duration.ofSeconds(seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(now, at);
        return d.isNegative() ? Duration.ZERO : atMost(d);
      } catch (RuntimeException notDate) {
        return null;
      }
    }
  }

  /**
   * A server's delay, capped at a year: no wait or call lasts longer, and a centuries-long value would overflow
   * the nanosecond arithmetic of the delays it is compared with.
   */
  private static Duration atMost(Duration asked) {
    return asked.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : asked;
  }

  /**
   * Cuts a body to the length exceptions keep.
   *
   * @param text the text, may be null
   * @return at most {@link ServiceException#MAX_RAW_BODY_CHARS} characters and a mark when cut
   */
  public static String capRaw(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= ServiceException.MAX_RAW_BODY_CHARS
        ? text : text.substring(0, ServiceException.MAX_RAW_BODY_CHARS) + "...(truncated)";
  }
}
