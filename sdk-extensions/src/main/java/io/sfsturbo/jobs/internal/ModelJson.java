// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal;

import com.google.gson.JsonSyntaxException;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What the generated models' JSON adapters share: reading a field of the expected kind or failing
 * with the JSON path, and writing only the fields that are set. The models' code is generated
 * from the spec; this is the hand-written part that does not change with it.
 */
public final class ModelJson {
  private ModelJson() {}

  /** Reads one item of a list. */
  public interface ItemReader<T> {
    /**
     * Reads the item at the reader's position.
     *
     * @param in the reader
     * @return the item, or null for JSON null
     * @throws IOException on a malformed document
     */
    T read(JsonReader in) throws IOException;
  }

  /**
   * Enters an object, or consumes a null.
   *
   * @param in the reader
   * @param what the model's name, for the error
   * @return false when the value was null
   * @throws IOException on a malformed document
   */
  public static boolean beginObject(JsonReader in, String what) throws IOException {
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

  /**
   * Reads a string; a number or a boolean is kept as its text, as the service's typing is loose.
   *
   * @param in the reader
   * @return the text, or null for JSON null
   * @throws IOException on a malformed document, or an object or array where a string belongs
   */
  public static String readString(JsonReader in) throws IOException {
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

  /**
   * Reads an integer.
   *
   * @param in the reader
   * @return the value, or null for JSON null
   * @throws IOException on a malformed document or a value that is not an {@code int}
   */
  public static Integer readInteger(JsonReader in) throws IOException {
    BigDecimal n = readBigDecimal(in);
    try {
      return n == null ? null : n.intValueExact();
    } catch (ArithmeticException e) {
      throw new JsonSyntaxException("expected an integer at " + in.getPreviousPath() + " but was " + n);
    }
  }

  /**
   * Reads a long integer.
   *
   * @param in the reader
   * @return the value, or null for JSON null
   * @throws IOException on a malformed document or a value that is not a {@code long}
   */
  public static Long readLong(JsonReader in) throws IOException {
    BigDecimal n = readBigDecimal(in);
    try {
      return n == null ? null : n.longValueExact();
    } catch (ArithmeticException e) {
      throw new JsonSyntaxException("expected an integer at " + in.getPreviousPath() + " but was " + n);
    }
  }

  /**
   * Reads a double.
   *
   * @param in the reader
   * @return the value, or null for JSON null
   * @throws IOException on a malformed document or a value that is not a number
   */
  public static Double readDouble(JsonReader in) throws IOException {
    BigDecimal n = readBigDecimal(in);
    return n == null ? null : n.doubleValue();
  }

  /**
   * Reads a float.
   *
   * @param in the reader
   * @return the value, or null for JSON null
   * @throws IOException on a malformed document or a value that is not a number
   */
  public static Float readFloat(JsonReader in) throws IOException {
    BigDecimal n = readBigDecimal(in);
    return n == null ? null : n.floatValue();
  }

  /**
   * Reads a number exactly; a string holding a number is accepted, as the service's typing is loose.
   *
   * @param in the reader
   * @return the value, or null for JSON null
   * @throws IOException on a malformed document or a value that is not a number
   */
  public static BigDecimal readBigDecimal(JsonReader in) throws IOException {
    JsonToken token = in.peek();
    if (token == JsonToken.NULL) {
      in.nextNull();
      return null;
    }
    if (token != JsonToken.NUMBER && token != JsonToken.STRING) {
      throw mismatch(in, "a number", token);
    }
    String text = in.nextString();
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new JsonSyntaxException("expected a number at " + in.getPreviousPath() + " but was '"
          + Printable.forMessage(text) + "'");
    }
  }

  /**
   * Reads a boolean.
   *
   * @param in the reader
   * @return the value, or null for JSON null
   * @throws IOException on a malformed document or a value that is not a boolean
   */
  public static Boolean readBoolean(JsonReader in) throws IOException {
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

  /**
   * Reads an array; null items are left out (a list of nothing says nothing).
   *
   * @param in the reader
   * @param item reads one item
   * @param <T> the item type
   * @return the items, or null for JSON null
   * @throws IOException on a malformed document or a value that is not an array
   */
  public static <T> List<T> readList(JsonReader in, ItemReader<T> item) throws IOException {
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

  /**
   * Writes a string field unless it is null.
   *
   * @param out the writer
   * @param name the JSON name
   * @param value the value, or null
   * @throws IOException when writing fails
   */
  public static void writeString(JsonWriter out, String name, String value) throws IOException {
    if (value != null) {
      out.name(name).value(value);
    }
  }

  /**
   * Writes a number field unless it is null.
   *
   * @param out the writer
   * @param name the JSON name
   * @param value the value, or null
   * @throws IOException when writing fails
   */
  public static void writeNumber(JsonWriter out, String name, Number value) throws IOException {
    if (value != null) {
      out.name(name).value(value);
    }
  }

  /**
   * Writes a boolean field unless it is null.
   *
   * @param out the writer
   * @param name the JSON name
   * @param value the value, or null
   * @throws IOException when writing fails
   */
  public static void writeBoolean(JsonWriter out, String name, Boolean value) throws IOException {
    if (value != null) {
      out.name(name).value(value);
    }
  }

  /**
   * Writes a list item that is not a model: a string, a number or a boolean.
   *
   * @param out the writer
   * @param item the item
   * @throws IOException when writing fails
   */
  public static void writeItem(JsonWriter out, Object item) throws IOException {
    if (item == null) {
      out.nullValue();
    } else if (item instanceof Number) {
      out.value((Number) item);
    } else if (item instanceof Boolean) {
      out.value((Boolean) item);
    } else {
      out.value(item.toString());
    }
  }

  /**
   * Appends {@code , name=value} (or {@code name=value} first) for a set field to a
   * {@code toString()}, server text escaped.
   *
   * @param sb the text so far, ending in {@code {} or a field
   * @param name the field's name
   * @param value the value; nothing is appended for null or an empty list
   */
  public static void appendField(StringBuilder sb, String name, Object value) {
    if (value == null || (value instanceof List && ((List<?>) value).isEmpty())) {
      return;
    }
    if (sb.charAt(sb.length() - 1) != '{') {
      sb.append(", ");
    }
    sb.append(name).append('=').append(value instanceof String ? Printable.escape((String) value) : value);
  }

  private static JsonSyntaxException mismatch(JsonReader in, String expected, JsonToken token) {
    return new JsonSyntaxException("expected " + expected + " at " + in.getPath() + " but was " + token);
  }
}
