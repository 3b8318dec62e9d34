// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.sfsturbo.jobs.text.SafeText;
import java.io.IOException;
import java.io.StringReader;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks that a document is one strict RFC 8259 JSON value with no duplicate key in any object
 * and a bounded nesting depth, before it is bound. Gson binding keeps the last of two equal keys
 * while another reader may keep the first: a {@code "status":"failed",...,"status":"success"}
 * document would mean two things at once, so it is refused rather than read either way.
 */
public final class StrictJson {
  /** The deepest nesting accepted; a job document is three levels deep. */
  public static final int MAX_DEPTH = 32;

  private StrictJson() {}

  /**
   * Checks a document.
   *
   * @param text the document
   * @return null when it is acceptable, otherwise why not
   */
  public static String problem(String text) {
    JsonReader reader = new JsonReader(new StringReader(text));
    reader.setStrictness(Strictness.STRICT);
    try {
      String problem = value(reader, 0);
      if (problem == null && reader.peek() != JsonToken.END_DOCUMENT) {
        return "the body holds more than one JSON value";
      }
      return problem;
    } catch (IOException | IllegalStateException | NumberFormatException e) {
      return "the response body is not valid JSON (" + SafeText.forMessage(e.getMessage()) + ")";
    }
  }

  // The path for a message is the reader's own (getPath), so that none is built for a valid document.
  private static String value(JsonReader reader, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      return "the response body nests deeper than " + MAX_DEPTH + " levels";
    }
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        reader.beginObject();
        Set<String> names = new HashSet<>();
        while (reader.hasNext()) {
          String name = reader.nextName();
          if (!names.add(name)) {
            return "the response body has the key '" + SafeText.forMessage(name) + "' twice in "
                + SafeText.forMessage(parentOf(reader.getPath(), name))
                + ", so its meaning is ambiguous";
          }
          String problem = value(reader, depth + 1);
          if (problem != null) {
            return problem;
          }
        }
        reader.endObject();
        return null;
      case BEGIN_ARRAY:
        reader.beginArray();
        while (reader.hasNext()) {
          String problem = value(reader, depth + 1);
          if (problem != null) {
            return problem;
          }
        }
        reader.endArray();
        return null;
      case STRING:
        // Read, not skipped: skipValue() does not check a string's characters, and a raw control character
        // (U+0000 to U+001F) is not RFC 8259; nextString() refuses it in strict mode.
        reader.nextString();
        return null;
      default:
        reader.skipValue();
        return null;
    }
  }

  /** The path of the object that holds a key, from the key's path ({@code $.a.b} and {@code b} give {@code $.a}). */
  private static String parentOf(String keyPath, String name) {
    int end = keyPath.length() - name.length() - 1;
    return keyPath.endsWith("." + name) && end > 0 ? keyPath.substring(0, end) : keyPath;
  }
}
