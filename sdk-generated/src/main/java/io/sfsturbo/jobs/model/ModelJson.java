// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.model;

import com.google.gson.JsonSyntaxException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import io.sfsturbo.jobs.text.SafeText;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What the generated models' JSON adapters share: reading a value of the expected JSON type or failing
 * with its path, writing only what is set, immutable copies, and escaped {@code toString()} fields.
 * Hand-written, for every shape the generator binds (see the generator's {@code Shapes}); the models'
 * code is generated from the spec and calls these.
 */
final class ModelJson {
  private ModelJson() {}

  /** Reads one value at the reader's position; null for JSON null. */
  interface Reader<T> {
    T read(JsonReader in) throws IOException;
  }

  /** Writes one value, not null, at the writer's position. */
  interface Writer<T> {
    void write(JsonWriter out, T value) throws IOException;
  }

  /** Enters an object, or consumes a null; returns false for null. */
  static boolean beginObject(JsonReader in, String what) throws IOException {
    JsonToken token = in.peek();
    if (token == JsonToken.NULL) {
      in.nextNull();
      return false;
    }
    if (token != JsonToken.BEGIN_OBJECT) {
      throw mismatch(in, "an object (" + what + ")", token);
    }
    in.beginObject();
    return true;
  }

  /** Reads a string; a number or a boolean is kept as its text, as the service's typing is loose. */
  static String readString(JsonReader in) throws IOException {
    JsonToken token = in.peek();
    switch (token) {
      case NULL:
        in.nextNull();
        return null;
      case STRING:
      case NUMBER:
        return in.nextString();
      case BOOLEAN:
        return String.valueOf(in.nextBoolean());
      default:
        throw mismatch(in, "a string", token);
    }
  }

  /** Reads an {@code int}; a string holding one is accepted. */
  static Integer readInteger(JsonReader in) throws IOException {
    BigDecimal n = readBigDecimal(in);
    try {
      return n == null ? null : n.intValueExact();
    } catch (ArithmeticException e) {
      throw new JsonSyntaxException("expected a 32-bit integer at " + in.getPreviousPath() + " but was " + n);
    }
  }

  /** Reads a {@code long}; a string holding one is accepted. */
  static Long readLong(JsonReader in) throws IOException {
    BigDecimal n = readBigDecimal(in);
    try {
      return n == null ? null : n.longValueExact();
    } catch (ArithmeticException e) {
      throw new JsonSyntaxException("expected a 64-bit integer at " + in.getPreviousPath() + " but was " + n);
    }
  }

  /** Reads a double; a value beyond its range is refused rather than read as infinity. */
  static Double readDouble(JsonReader in) throws IOException {
    BigDecimal n = readBigDecimal(in);
    if (n == null) {
      return null;
    }
    double d = n.doubleValue();
    if (Double.isInfinite(d)) {
      throw new JsonSyntaxException("expected a double at " + in.getPreviousPath() + " but " + n + " is out of range");
    }
    return d;
  }

  /** Reads a float; a value beyond its range is refused rather than read as infinity. */
  static Float readFloat(JsonReader in) throws IOException {
    BigDecimal n = readBigDecimal(in);
    if (n == null) {
      return null;
    }
    float f = n.floatValue();
    if (Float.isInfinite(f)) {
      throw new JsonSyntaxException("expected a float at " + in.getPreviousPath() + " but " + n + " is out of range");
    }
    return f;
  }

  /** Reads a number exactly; a string holding a number is accepted, as the service's typing is loose. */
  static BigDecimal readBigDecimal(JsonReader in) throws IOException {
    JsonToken token = in.peek();
    if (token == JsonToken.NULL) {
      in.nextNull();
      return null;
    }
    if (token != JsonToken.NUMBER && token != JsonToken.STRING) {
      throw mismatch(in, "a number", token);
    }
    String text = in.nextString();
    // A huge exponent ("1e999999999") parses into a BigDecimal whose use can take forever: refused.
    if (text.length() > 100) {
      throw new JsonSyntaxException("expected a number at " + in.getPreviousPath() + " but it has "
          + text.length() + " characters");
    }
    try {
      BigDecimal n = new BigDecimal(text);
      if (Math.abs(n.scale()) > 1000) {
        throw new JsonSyntaxException("expected a number at " + in.getPreviousPath() + " but its exponent is "
            + "out of range");
      }
      return n;
    } catch (NumberFormatException e) {
      throw new JsonSyntaxException("expected a number at " + in.getPreviousPath() + " but was '"
          + SafeText.forMessage(text) + "'");
    }
  }

  /** Reads a boolean: only {@code true} or {@code false}. */
  static Boolean readBoolean(JsonReader in) throws IOException {
    JsonToken token = in.peek();
    if (token == JsonToken.NULL) {
      in.nextNull();
      return null;
    }
    if (token != JsonToken.BOOLEAN) {
      throw mismatch(in, "a boolean", token);
    }
    return in.nextBoolean();
  }

  /** Reads an array; null items are left out (a list of nothing says nothing). Null for JSON null. */
  static <T> List<T> readList(JsonReader in, Reader<T> item) throws IOException {
    JsonToken token = in.peek();
    if (token == JsonToken.NULL) {
      in.nextNull();
      return null;
    }
    if (token != JsonToken.BEGIN_ARRAY) {
      throw mismatch(in, "an array", token);
    }
    List<T> items = new ArrayList<>();
    in.beginArray();
    while (in.hasNext()) {
      T value = item.read(in);
      if (value != null) {
        items.add(value);
      }
    }
    in.endArray();
    return items;
  }

  /** Reads an object as a map, in the document's order; null values are left out. Null for JSON null. */
  static <T> Map<String, T> readMap(JsonReader in, Reader<T> value) throws IOException {
    JsonToken token = in.peek();
    if (token == JsonToken.NULL) {
      in.nextNull();
      return null;
    }
    if (token != JsonToken.BEGIN_OBJECT) {
      throw mismatch(in, "an object", token);
    }
    Map<String, T> entries = new LinkedHashMap<>();
    in.beginObject();
    while (in.hasNext()) {
      String key = in.nextName();
      T v = value.read(in);
      if (v != null) {
        entries.put(key, v);
      }
    }
    in.endObject();
    return entries;
  }

  /** The error of a required field that the object just read lacks (or holds as null). */
  static JsonSyntaxException missing(JsonReader in, String name) {
    return new JsonSyntaxException("missing required field '" + SafeText.forMessage(name) + "' in the object at "
        + in.getPreviousPath());
  }

  static void writeString(JsonWriter out, String value) throws IOException {
    out.value(value);
  }

  static void writeNumber(JsonWriter out, Number value) throws IOException {
    out.value(value);
  }

  static void writeBoolean(JsonWriter out, Boolean value) throws IOException {
    out.value(value);
  }

  /** Writes a field unless it is null. */
  static <T> void writeField(JsonWriter out, String name, T value, Writer<? super T> writer) throws IOException {
    if (value != null) {
      out.name(name);
      writer.write(out, value);
    }
  }

  /** Writes a field, as JSON null when it is null (a required field that may be null). */
  static <T> void writeNullableField(JsonWriter out, String name, T value, Writer<? super T> writer)
      throws IOException {
    if (value != null) {
      writeField(out, name, value, writer);
      return;
    }
    boolean serializeNulls = out.getSerializeNulls();
    out.setSerializeNulls(true);
    out.name(name).nullValue();
    out.setSerializeNulls(serializeNulls);
  }

  /** Writes a list field unless it is empty. */
  static <T> void writeList(JsonWriter out, String name, List<T> items, Writer<? super T> writer)
      throws IOException {
    if (!items.isEmpty()) {
      out.name(name).beginArray();
      for (T item : items) {
        writer.write(out, item);
      }
      out.endArray();
    }
  }

  /** Writes a map field unless it is empty. */
  static <T> void writeMap(JsonWriter out, String name, Map<String, T> entries, Writer<? super T> writer)
      throws IOException {
    if (!entries.isEmpty()) {
      out.name(name).beginObject();
      for (Map.Entry<String, T> e : entries.entrySet()) {
        out.name(e.getKey());
        writer.write(out, e.getValue());
      }
      out.endObject();
    }
  }

  /** An immutable copy; null is the empty list; a null item is refused, naming the field. */
  static <T> List<T> immutableList(List<T> items, String name) {
    if (items == null || items.isEmpty()) {
      return Collections.emptyList();
    }
    List<T> copy = new ArrayList<>(items);
    for (int i = 0; i < copy.size(); i++) {
      if (copy.get(i) == null) {
        throw new NullPointerException(name + ": item " + i + " is null");
      }
    }
    return Collections.unmodifiableList(copy);
  }

  /** An immutable copy in the same order; null is the empty map; a null key or value is refused. */
  static <T> Map<String, T> immutableMap(Map<String, T> entries, String name) {
    if (entries == null || entries.isEmpty()) {
      return Collections.emptyMap();
    }
    Map<String, T> copy = new LinkedHashMap<>(entries);
    for (Map.Entry<String, T> e : copy.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        throw new NullPointerException(name + ": a key or value is null");
      }
    }
    return Collections.unmodifiableMap(copy);
  }

  /** The typed items of a list of texts (an open enum's), immutable. */
  static <T> List<T> mapList(List<String> texts, Function<String, T> parse) {
    if (texts.isEmpty()) {
      return Collections.emptyList();
    }
    List<T> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      out.add(parse.apply(t));
    }
    return Collections.unmodifiableList(out);
  }

  /** An RFC 3339 date-time; null when absent or unreadable (the text is kept by the model). */
  static OffsetDateTime parseDateTime(String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Writes a date-time as RFC 3339, seconds always included. */
  static String formatDateTime(OffsetDateTime value) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value);
  }

  /** A full date ({@code yyyy-MM-dd}); null when absent or unreadable (the text is kept by the model). */
  static LocalDate parseDate(String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Reads the spec's example of a property (a JSON text the generator wrote), with the property's reader. */
  static <T> T example(String json, Reader<T> reader) {
    try {
      return reader.read(new JsonReader(new StringReader(json)));
    } catch (IOException e) {
      throw new IllegalStateException("the spec's example " + json + " cannot be read", e);
    }
  }

  /**
   * Appends {@code , name=value} (or {@code name=value} first) for a set field to a {@code toString()},
   * server text escaped, inside lists and maps too.
   */
  static void appendField(StringBuilder sb, String name, Object value) {
    if (value == null || value instanceof Collection && ((Collection<?>) value).isEmpty()
        || value instanceof Map && ((Map<?, ?>) value).isEmpty()) {
      return;
    }
    if (sb.charAt(sb.length() - 1) != '{') {
      sb.append(", ");
    }
    sb.append(name).append('=');
    appendValue(sb, value);
  }

  private static void appendValue(StringBuilder sb, Object value) {
    if (value instanceof String) {
      sb.append(SafeText.escape((String) value));
    } else if (value instanceof Collection) {
      sb.append('[');
      for (Iterator<?> it = ((Collection<?>) value).iterator(); it.hasNext(); ) {
        appendValue(sb, it.next());
        if (it.hasNext()) {
          sb.append(", ");
        }
      }
      sb.append(']');
    } else if (value instanceof Map) {
      sb.append('{');
      for (Iterator<? extends Map.Entry<?, ?>> it = ((Map<?, ?>) value).entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<?, ?> e = it.next();
        appendValue(sb, e.getKey());
        sb.append('=');
        appendValue(sb, e.getValue());
        if (it.hasNext()) {
          sb.append(", ");
        }
      }
      sb.append('}');
    } else {
      sb.append(value);
    }
  }

  private static JsonSyntaxException mismatch(JsonReader in, String expected, JsonToken token) {
    return new JsonSyntaxException("expected " + expected + " at " + in.getPath() + " but was " + token);
  }
}
