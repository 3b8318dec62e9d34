// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import io.sfsturbo.jobs.text.SafeText;
import io.sfsturbo.jobs.model.JobDetail;
import java.io.IOException;
import java.io.StringReader;
import java.util.Map;

/**
 * Writes a job as one line of JSON that is safe on a terminal.
 *
 * <p>The API's document is parsed (strictly) and written back rather than printed raw, because a raw
 * document may carry control characters inside its strings (a lenient server or a hostile one) and
 * these would reach the terminal. Written back, every field stays, unknown ones included, in the order
 * received; numbers keep the text they were sent with; strings decode to the same values. Only the
 * spelling changes: what {@link SafeText#escape} escapes on a terminal (C0 controls, DEL, C1 controls,
 * U+2028/U+2029, the bidi controls and unpaired surrogates) is written as <code>&#92;uXXXX</code> escapes,
 * so the output is plain printable UTF-8 and valid RFC 8259 JSON. When a document repeats a key, the last value wins (the parser keeps one).
 *
 * <p>When the job carries no document, or one that is not strict JSON, the job's fields are written
 * instead, as the model generated from the spec writes them (unset fields left out).
 */
final class JsonOutput {
  private static final Gson GSON = new Gson();

  private JsonOutput() {}

  /**
   * Returns the job's JSON on one line, without a line break.
   *
   * @param job the job
   * @return its API document when it parses, otherwise one built from its fields
   */
  static String of(JobDetail job) {
    JsonElement doc = parse(job.rawJson());
    StringBuilder sb = new StringBuilder(256);
    write(doc != null ? doc : fromFields(job), sb);
    return sb.toString();
  }

  /** Parses strict JSON (no NaN, comments, single quotes or trailing text), or returns null. */
  static JsonElement parse(String text) {
    if (text == null) {
      return null;
    }
    try {
      JsonReader reader = new JsonReader(new StringReader(text));
      reader.setStrictness(Strictness.STRICT);
      JsonElement doc = JsonParser.parseReader(reader);
      return reader.peek() == JsonToken.END_DOCUMENT ? doc : null;
    } catch (JsonParseException | IOException e) {
      // Not a document we can vouch for: the caller writes the job's fields instead.
      return null;
    }
  }

  /** The job's fields as the generated model writes them: every field of the spec, in its order. */
  static JsonObject fromFields(Object jobOrSubJob) {
    return GSON.toJsonTree(jobOrSubJob).getAsJsonObject();
  }

  static void write(JsonElement e, StringBuilder sb) {
    if (e == null || e instanceof JsonNull) {
      sb.append("null");
    } else if (e instanceof JsonObject) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonElement> entry : ((JsonObject) e).entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        string(entry.getKey(), sb);
        sb.append(':');
        write(entry.getValue(), sb);
      }
      sb.append('}');
    } else if (e instanceof JsonArray) {
      sb.append('[');
      boolean first = true;
      for (JsonElement item : (JsonArray) e) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        write(item, sb);
      }
      sb.append(']');
    } else {
      JsonPrimitive p = (JsonPrimitive) e;
      if (p.isString()) {
        string(p.getAsString(), sb);
      } else {
        // Booleans, and numbers as the text received (a strict parse only admits RFC 8259 numbers).
        sb.append(p.getAsString());
      }
    }
  }

  /** Writes a JSON string literal that holds only printable characters. */
  static void string(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (SafeText.needsEscape(s, i)) {
        SafeText.appendEscape(c, sb);
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }
}
