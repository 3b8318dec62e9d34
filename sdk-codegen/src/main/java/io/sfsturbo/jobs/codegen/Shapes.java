// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import java.math.BigInteger;
import java.util.Set;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenProperty;

/**
 * The type decision of the project's generator: which Java type each property shape of a response
 * schema gets, and how it is read, written, copied and shown. One place, so that the templates only
 * paste what is decided here. A shape outside this table fails generation with a message naming the
 * schema and the property ({@link UnsupportedShapeException}), never with code that does not compile.
 *
 * <table>
 *   <caption>Shapes and their Java types</caption>
 *   <tr><th>schema</th><th>Java type of the getter</th></tr>
 *   <tr><td>{@code string} (any format but those below; {@code uuid}, {@code email}... stay text)</td><td>{@code String}</td></tr>
 *   <tr><td>{@code string}, {@code format: date-time}</td><td>{@code OffsetDateTime}, text kept</td></tr>
 *   <tr><td>{@code string}, {@code format: date}</td><td>{@code LocalDate}, text kept</td></tr>
 *   <tr><td>{@code string}, {@code x-time-format: 'yyyy-MM-dd HH:mm:ss'} (the API's own, UTC)</td><td>{@code Instant}, text kept</td></tr>
 *   <tr><td>{@code string} with {@code enum}, inline or a {@code $ref}</td><td>an open enum, text kept</td></tr>
 *   <tr><td>{@code integer} (no format, {@code int32})</td><td>{@code Integer}</td></tr>
 *   <tr><td>{@code integer}, {@code int64}</td><td>{@code Long}</td></tr>
 *   <tr><td>{@code number}: {@code float}, {@code double}, no format</td><td>{@code Float}, {@code Double}, {@code BigDecimal}</td></tr>
 *   <tr><td>{@code boolean}</td><td>{@code Boolean}</td></tr>
 *   <tr><td>an object with properties ({@code $ref} or inline)</td><td>its own generated class</td></tr>
 *   <tr><td>{@code array} of any of the above but times</td><td>{@code List<T>}, immutable, never null</td></tr>
 *   <tr><td>{@code additionalProperties} of a scalar or an object</td><td>{@code Map<String, T>}, immutable, never null</td></tr>
 * </table>
 *
 * <p>Not supported (generation fails): {@code oneOf}/{@code anyOf}/{@code allOf} properties, free-form
 * objects and {@code {}} schemas, binary strings, non-string enums, arrays of arrays or maps, maps of
 * arrays, maps or enums, times inside containers.
 */
final class Shapes {
  /** The one API time format the SDK reads, as the spec's {@code x-time-format} names it. */
  static final String SERVICE_TIME_FORMAT = "yyyy-MM-dd HH:mm:ss";
  /** The extension that marks a string as an API time in a custom format. */
  static final String TIME_FORMAT_EXTENSION = "x-time-format";

  private Shapes() {}

  /** What one value (a scalar property, or a list's item or a map's value) is bound to. */
  static final class Element {
    final String type;
    final String storeType;
    final String readRef;
    final String writeRef;
    /** Turns the stored text into the typed value, as a method reference; null when stored and typed are one. */
    final String parseRef;
    /** Turns a typed value into its text: a format with {@code value} for it; null unless text-backed. */
    final String toText;
    final boolean isEnum;
    final String kind;

    Element(String kind, String type, String storeType, String readRef, String writeRef, String parseRef,
        String toText, boolean isEnum) {
      this.kind = kind;
      this.type = type;
      this.storeType = storeType;
      this.readRef = readRef;
      this.writeRef = writeRef;
      this.parseRef = parseRef;
      this.toText = toText;
      this.isEnum = isEnum;
    }

    boolean textBacked() {
      return parseRef != null;
    }

    /** The read method reference as a call at {@code in}. */
    String readCall() {
      return readRef.replace("::", ".") + "(in)";
    }
  }

  /**
   * Decides the binding of one property.
   *
   * @param model the schema that holds it
   * @param p the property
   * @param exampleJson the spec's example for it as JSON text, or null
   * @param innerEnumName the name of its nested enum, when it is an inline enum (or a list of one)
   * @param adder the adder's suffix the configuration names, or null
   * @param models the names of the generated classes that are objects (not enums)
   * @return the binding
   * @throws UnsupportedShapeException for a shape outside the table
   */
  static Binding bind(CodegenModel model, CodegenProperty p, String exampleJson, String innerEnumName, String adder,
      Set<String> models) {
    Binding b = new Binding();
    b.required = p.required;
    b.nullable = p.isNullable;
    String name = p.name;
    String json = javaString(p.baseName);
    if (p.isArray || p.isMap) {
      CodegenProperty item = p.items;
      if (item == null) {
        throw new UnsupportedShapeException(model, p, "a container without an item schema");
      }
      if (item.isArray || item.isMap) {
        throw new UnsupportedShapeException(model, p, (p.isArray ? "an array" : "a map") + " of "
            + (item.isArray ? "arrays" : "maps"));
      }
      Element e = element(model, p, item, innerEnumName, models, true);
      if (p.isMap && e.textBacked()) {
        throw new UnsupportedShapeException(model, p, "a map of " + e.kind + " values");
      }
      b.list = p.isArray;
      b.map = p.isMap;
      b.itemStoreType = e.storeType;
      String container = p.isArray ? "List" : "Map";
      String generics = p.isArray ? "<" + e.storeType + ">" : "<String, " + e.storeType + ">";
      b.storeType = container + generics;
      b.imports.add("java.util." + container);
      b.imports.add(p.isArray ? "java.util.ArrayList" : "java.util.LinkedHashMap");
      if (e.textBacked()) {
        // A list of open-enum values: the texts are stored, the constants derived.
        b.textsBacked = true;
        b.storeField = name + "Texts";
        b.type = "List<" + e.type + ">";
        b.derive = "ModelJson.mapList(STORED, " + e.parseRef + ")";
      } else {
        b.storeField = name;
        b.type = b.storeType;
      }
      b.copyIn = "ModelJson.immutable" + container + "(b." + b.storeField + ", " + json + ")";
      b.copyOut = "new " + (p.isArray ? "ArrayList" : "LinkedHashMap") + "<>(" + b.storeField + ")";
      b.read = "ModelJson.read" + container + "(in, " + e.readRef + ")";
      b.write = "ModelJson.write" + container + "(out, " + json + ", value." + b.storeField + ", " + e.writeRef + ");";
      b.adder = p.isArray ? adder : null;
      b.returnsDoc = p.isArray ? "the items, in the service's order; empty, never null"
          : "the entries, in the service's order; empty, never null";
      if (exampleJson != null) {
        b.example = "ModelJson.example(" + javaString(exampleJson) + ", in -> " + b.read + ")";
      }
      addImports(b, e);
      return b;
    }
    Element e = element(model, p, p, innerEnumName, models, false);
    b.type = e.type;
    b.storeType = e.storeType;
    addImports(b, e);
    b.read = e.readCall();
    if (e.textBacked()) {
      b.textBacked = true;
      b.storeField = name + "Text";
      b.derive = e.parseRef.replace("::", ".") + "(STORED)";
      b.typedSetterType = e.type;
      b.typedToText = e.toText;
      b.enumSetter = e.isEnum;
    } else {
      b.storeField = name;
    }
    b.copyIn = "b." + b.storeField;
    b.copyOut = b.storeField;
    // A required field that may be null is written even when null, so that the document reads back.
    b.write = "ModelJson.write" + (b.required && b.nullable ? "Nullable" : "") + "Field(out, " + json + ", value."
        + b.storeField + ", " + e.writeRef + ");";
    b.returnsDoc = returns(e, b.required && !b.nullable);
    if (exampleJson != null) {
      b.example = scalarExample(model, p, e, exampleJson, b.read);
    }
    return b;
  }

  private static String returns(Element e, boolean required) {
    String absent = required ? "; never null (the schema requires it)" : ", or null when the service sent none";
    if (e.isEnum) {
      return "the value, {@code UNKNOWN_TO_SDK_VERSION} for a value this version of the SDK does not know (its "
          + "text is kept), or null " + (required ? "never (the schema requires it)" : "when the service sent none");
    }
    if (e.textBacked()) {
      return "the value, or null when the service sent none or a text the SDK cannot read (the text is kept)";
    }
    return "the value" + absent;
  }

  private static void addImports(Binding b, Element e) {
    switch (e.kind) {
      case "date-time":
        b.imports.add("java.time.OffsetDateTime");
        break;
      case "date":
        b.imports.add("java.time.LocalDate");
        break;
      case "API time":
        b.imports.add("java.time.Instant");
        break;
      case "decimal number":
        b.imports.add("java.math.BigDecimal");
        break;
      default:
    }
  }

  /** Classifies one value. */
  private static Element element(CodegenModel model, CodegenProperty owner, CodegenProperty v, String innerEnumName,
      Set<String> models, boolean inContainer) {
    if (v.isEnum || v.isEnumRef) {
      if (!isStringEnum(v)) {
        throw new UnsupportedShapeException(model, owner, "an enum of " + v.dataType
            + " values (only string enums are supported)");
      }
      String type = v.isEnum ? innerEnumName : v.isEnumRef ? enumRefType(v) : null;
      return new Element("enum", type, "String", "ModelJson::readString", "ModelJson::writeString",
          type + "::fromValue", "value.value()", true);
    }
    if (v.isModel || (v.complexType != null && models.contains(v.complexType) && !v.isString)) {
      String type = v.complexType != null ? v.complexType : v.dataType;
      return new Element("object", type, type, type + ".GsonAdapter.INSTANCE::read",
          type + ".GsonAdapter.INSTANCE::write", null, null, false);
    }
    if (v.isFreeFormObject || v.isAnyType || "Object".equals(v.dataType)) {
      throw new UnsupportedShapeException(model, owner, "a free-form value (an object without properties, {} or a "
          + "oneOf/anyOf/allOf); give it properties, or map it in the generator's schemaMappings");
    }
    if (v.isBinary || v.isFile || v.isByteArray && !v.isString) {
      throw new UnsupportedShapeException(model, owner, "binary data");
    }
    Object timeFormat = v.vendorExtensions.get(TIME_FORMAT_EXTENSION);
    if (timeFormat != null) {
      if (!SERVICE_TIME_FORMAT.equals(timeFormat)) {
        throw new UnsupportedShapeException(model, owner, "a time in the format '" + timeFormat + "' (the generator "
            + "reads '" + SERVICE_TIME_FORMAT + "' only)");
      }
      return time(model, owner, inContainer, "API time", "Instant", "ServiceTimes.parse",
          "ServiceTimes.format(value)");
    }
    if (v.isDateTime) {
      return time(model, owner, inContainer, "date-time", "OffsetDateTime", "ModelJson.parseDateTime",
          "ModelJson.formatDateTime(value)");
    }
    if (v.isDate) {
      return time(model, owner, inContainer, "date", "LocalDate", "ModelJson.parseDate", "value.toString()");
    }
    if (v.isBoolean) {
      return scalar("boolean", "Boolean", "readBoolean", "writeBoolean");
    }
    if (v.isLong) {
      return scalar("64-bit integer", "Long", "readLong", "writeNumber");
    }
    if (v.isInteger || v.isShort || "Integer".equals(v.dataType)) {
      return scalar("integer", "Integer", "readInteger", "writeNumber");
    }
    if (v.isFloat) {
      return scalar("float", "Float", "readFloat", "writeNumber");
    }
    if (v.isDouble) {
      return scalar("double", "Double", "readDouble", "writeNumber");
    }
    if (v.isNumber || v.isDecimal || "BigDecimal".equals(v.dataType)) {
      return scalar("decimal number", "BigDecimal", "readBigDecimal", "writeNumber");
    }
    if (v.isString || v.isUuid || v.isUri || v.isEmail || v.isPassword || "String".equals(v.dataType)
        || "UUID".equals(v.dataType) || "URI".equals(v.dataType)) {
      return scalar("string", "String", "readString", "writeString");
    }
    throw new UnsupportedShapeException(model, owner, "a value of type '" + v.dataType + "'");
  }

  private static Element time(CodegenModel model, CodegenProperty owner, boolean inContainer, String kind, String type,
      String parse, String toText) {
    if (inContainer) {
      throw new UnsupportedShapeException(model, owner, "a container of " + kind + " values");
    }
    return new Element(kind, type, "String", "ModelJson::readString", "ModelJson::writeString",
        parse.substring(0, parse.lastIndexOf('.')) + "::" + parse.substring(parse.lastIndexOf('.') + 1), toText, false);
  }

  private static Element scalar(String kind, String type, String read, String write) {
    return new Element(kind, type, type, "ModelJson::" + read, "ModelJson::" + write, null, null, false);
  }

  private static boolean isStringEnum(CodegenProperty v) {
    return v.isString || "String".equals(v.dataType) || v.isEnumRef && !v.isInteger && !v.isLong && !v.isNumber;
  }

  private static String enumRefType(CodegenProperty v) {
    return v.complexType != null ? v.complexType : v.dataType;
  }

  /** The builder's example value of a scalar: a literal, checked here so that a bad example fails generation. */
  private static String scalarExample(CodegenModel model, CodegenProperty p, Element e, String exampleJson,
      String read) {
    JsonNode node;
    try {
      node = Json.mapper().readTree(exampleJson);
    } catch (java.io.IOException ex) {
      throw new UnsupportedShapeException(model, p, "an example that is not JSON: " + exampleJson);
    }
    if (node.isNull()) {
      return null;
    }
    switch (e.storeType) {
      case "String":
        return javaString(node.isTextual() ? node.textValue() : node.toString());
      case "Boolean":
        if (!node.isBoolean()) {
          throw badExample(model, p, e, node);
        }
        return Boolean.toString(node.booleanValue());
      case "Integer":
      case "Long":
        BigInteger whole = integral(model, p, e, node);
        BigInteger min = BigInteger.valueOf(e.storeType.equals("Long") ? Long.MIN_VALUE : Integer.MIN_VALUE);
        BigInteger max = BigInteger.valueOf(e.storeType.equals("Long") ? Long.MAX_VALUE : Integer.MAX_VALUE);
        if (whole.compareTo(min) < 0 || whole.compareTo(max) > 0) {
          throw badExample(model, p, e, node);
        }
        return e.storeType.equals("Long") ? whole + "L" : whole.toString();
      case "Float":
      case "Double":
      case "BigDecimal":
        if (!node.isNumber()) {
          throw badExample(model, p, e, node);
        }
        String text = node.decimalValue().toString();
        return e.storeType.equals("BigDecimal") ? "new BigDecimal(\"" + text + "\")"
            : e.storeType + ".valueOf(\"" + text + "\")";
      default:
        // An object: read from its JSON by its own adapter.
        if (!node.isObject()) {
          throw badExample(model, p, e, node);
        }
        return "ModelJson.example(" + javaString(exampleJson) + ", in -> " + read + ")";
    }
  }

  private static BigInteger integral(CodegenModel model, CodegenProperty p, Element e, JsonNode node) {
    if (!node.isNumber()) {
      throw badExample(model, p, e, node);
    }
    try {
      return node.decimalValue().toBigIntegerExact();
    } catch (ArithmeticException notWhole) {
      throw badExample(model, p, e, node);
    }
  }

  private static UnsupportedShapeException badExample(CodegenModel model, CodegenProperty p, Element e,
      JsonNode node) {
    return new UnsupportedShapeException(model, p, "an example (" + node + ") that is not a valid " + e.kind + " value");
  }

  /** A Java string literal of any text. */
  static String javaString(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }
}
