// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.auth;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.sfsturbo.jobs.errors.CredentialsException;
import io.sfsturbo.jobs.internal.HeaderValues;
import io.sfsturbo.jobs.text.SafeText;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the metadata service's {@code securitykey} document:
 * {@code {"credential":{"access":..,"secret":..,"securitytoken":..,"expires_at":"2020-01-08T03:50:07.574000Z"}}},
 * also with the names the official Java SDK accepts ({@code accessKeyId}, {@code secretAccessKey},
 * {@code securityToken}, {@code expiration}). Strict JSON; a key given twice (or under two of its names) is
 * refused, as are values that cannot be header values. No message shows a value.
 */
final class MetadataDocument {
  /** The longest expiry text read; the documented one has 27 characters. */
  private static final int MAX_TIME_TEXT = 64;
  private static final String[][] NAMES = {{"access", "accessKeyId"}, {"secret", "secretAccessKey"},
      {"securitytoken", "securityToken"}, {"expires_at", "expiration"}};
  private static final String WHERE = "the instance metadata service's securitykey document";

  private MetadataDocument() {}

  /**
   * Parses a document.
   *
   * @param text the body
   * @return the keys
   * @throws CredentialsException when it is not the documented document
   */
  static TemporaryKeys parse(String text) {
    Map<Integer, String> fields = new HashMap<>();
    try {
      JsonReader reader = new JsonReader(new StringReader(text));
      reader.setStrictness(Strictness.STRICT);
      reader.beginObject();
      boolean found = false;
      while (reader.hasNext()) {
        String name = reader.nextName();
        if (name.equals("credential") && reader.peek() == JsonToken.BEGIN_OBJECT) {
          if (found) {
            throw problem("has 'credential' twice");
          }
          found = true;
          credential(reader, fields);
        } else {
          reader.skipValue();
        }
      }
      reader.endObject();
      if (reader.peek() != JsonToken.END_DOCUMENT) {
        throw problem("holds more than one JSON value");
      }
      if (!found) {
        throw problem("has no 'credential' object");
      }
    } catch (IOException | IllegalStateException | NumberFormatException e) {
      // Not Gson's text: it quotes the document and links to a troubleshooting page.
      throw problem("is not the expected JSON object");
    }
    String ak = required(fields, 0);
    String sk = required(fields, 1);
    String token = required(fields, 2);
    Instant expiresAt = expiresAt(required(fields, 3));
    try {
      return new TemporaryKeys(HeaderValues.requireValid(ak, WHERE, "the access key"),
          HeaderValues.requireValid(sk, WHERE, "the secret key"),
          HeaderValues.requireValid(token, WHERE, "the security token"), expiresAt);
    } catch (IllegalArgumentException e) {
      throw new CredentialsException(e.getMessage(), null);
    }
  }

  private static void credential(JsonReader reader, Map<Integer, String> fields) throws IOException {
    reader.beginObject();
    while (reader.hasNext()) {
      String name = reader.nextName();
      int field = field(name);
      if (field < 0) {
        reader.skipValue();
        continue;
      }
      if (reader.peek() != JsonToken.STRING) {
        reader.skipValue();
        throw problem("has a credential." + name + " that is not a string");
      }
      if (fields.put(field, reader.nextString()) != null) {
        throw problem("gives credential." + NAMES[field][0] + " twice (names " + NAMES[field][0] + " and "
            + NAMES[field][1] + " mean the same)");
      }
    }
    reader.endObject();
  }

  private static int field(String name) {
    for (int i = 0; i < NAMES.length; i++) {
      if (NAMES[i][0].equals(name) || NAMES[i][1].equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static String required(Map<Integer, String> fields, int field) {
    String v = fields.get(field);
    if (v == null || v.isEmpty()) {
      throw problem("has no credential." + NAMES[field][0]);
    }
    return v;
  }

  /**
   * The documented form is UTC with microseconds ({@code 2020-01-08T03:50:07.574000Z}); any ISO-8601 date-time
   * with an offset is read, with or without a fraction (the official Java SDK refuses one without).
   */
  static Instant expiresAt(String text) {
    if (text.length() > MAX_TIME_TEXT) {
      throw problem("has a credential.expires_at of " + text.length() + " characters; expected a time such as "
          + "2020-01-08T03:50:07.574000Z");
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw problem("has a credential.expires_at that is not a time such as 2020-01-08T03:50:07.574000Z: '"
          + SafeText.capped(text, MAX_TIME_TEXT) + "'");
    }
  }

  private static CredentialsException problem(String what) {
    return new CredentialsException(WHERE + " " + what, null);
  }
}
