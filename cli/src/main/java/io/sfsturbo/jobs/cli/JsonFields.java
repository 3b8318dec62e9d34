// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.sfsturbo.jobs.text.SafeText;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The members of one object of a hand-written JSON file, read by type, each problem an
 * {@link IllegalArgumentException} that names the object ({@code job 'x': step 2}) and the member. An unknown
 * member is refused: in a file people type, {@code "pols": 3} is a typo that would otherwise script a default.
 */
final class JsonFields {
  private final JsonObject object;
  final String where;

  JsonFields(JsonElement element, String where) {
    if (element == null || !element.isJsonObject()) {
      throw new IllegalArgumentException(where + " must be an object {...}");
    }
    this.object = element.getAsJsonObject();
    this.where = where;
  }

  /** Refuses any member but these. */
  JsonFields only(String... known) {
    List<String> names = Arrays.asList(known);
    for (Map.Entry<String, JsonElement> e : object.entrySet()) {
      if (!names.contains(e.getKey())) {
        throw fail("unknown member \"" + SafeText.capped(e.getKey(), 40) + "\"; known: " + String.join(", ", known));
      }
    }
    return this;
  }

  boolean has(String key) {
    return object.has(key);
  }

  String string(String key) {
    JsonElement v = object.get(key);
    if (v == null) {
      throw fail("has no \"" + key + "\"");
    }
    if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isString()) {
      throw fail("\"" + key + "\" must be a string");
    }
    return v.getAsString();
  }

  String string(String key, String otherwise) {
    return has(key) ? string(key) : otherwise;
  }

  BigDecimal number(String key) {
    JsonElement v = object.get(key);
    if (v == null) {
      throw fail("has no \"" + key + "\"");
    }
    if (!v.isJsonPrimitive() || !v.getAsJsonPrimitive().isNumber()) {
      throw fail("\"" + key + "\" must be a number");
    }
    return v.getAsBigDecimal();
  }

  /** A whole number from {@code least} to {@code most}. */
  long integer(String key, long least, long most) {
    BigDecimal n = number(key);
    if (n.stripTrailingZeros().scale() > 0 || n.compareTo(BigDecimal.valueOf(least)) < 0
        || n.compareTo(BigDecimal.valueOf(most)) > 0) {
      throw fail("\"" + key + "\" must be a whole number from " + least + " to " + most + ", was " + n.toPlainString());
    }
    return n.longValueExact();
  }

  /** A member that is an object, named {@code name} in messages. */
  JsonFields object(String key, String name) {
    return new JsonFields(object.get(key), name);
  }

  /** An array, or null when absent. */
  JsonArray array(String key) {
    JsonElement v = object.get(key);
    if (v == null) {
      return null;
    }
    if (!v.isJsonArray()) {
      throw fail("\"" + key + "\" must be an array [...]");
    }
    return v.getAsJsonArray();
  }

  /** The strings of an array, each named by its position in messages. */
  String[] strings(String key) {
    JsonArray a = array(key);
    String[] out = new String[a == null ? 0 : a.size()];
    for (int i = 0; i < out.length; i++) {
      JsonElement e = a.get(i);
      if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
        throw fail("\"" + key + "\" must hold strings; item " + (i + 1) + " is not one");
      }
      out[i] = e.getAsString();
    }
    return out;
  }

  /** {@code job 'a': "end" must be ...}; {@code job 'a' has no "job_id"} reads as a sentence. */
  IllegalArgumentException fail(String what) {
    return new IllegalArgumentException(where + (what.startsWith("has ") ? " " : ": ") + what);
  }
}
