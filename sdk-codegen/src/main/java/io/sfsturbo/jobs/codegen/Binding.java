// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.codegen;

import java.util.Map;
import java.util.TreeSet;

/**
 * How one property of a response schema is bound to Java: every piece of code the templates paste
 * for it, decided once here ({@link Shapes#bind}) so that no template repeats a type decision. The
 * pieces go to the templates as the property's vendor extensions ({@link #exportTo}).
 *
 * <p>Two values per property: the <em>stored</em> one, as the JSON carries it and the builder holds
 * it (a status or a time as its text), and the <em>typed</em> one that the getter returns (the enum
 * constant, the instant). They differ only for text-backed properties (open enums and times), where
 * the text is kept so that a value this SDK cannot read is not lost.
 */
final class Binding {
  /** The getter's type, for example {@code Long}, {@code List<JobStatus>}, {@code Map<String, Node>}. */
  String type;
  /** The stored value's type: the builder's and the JSON's. */
  String storeType;
  /** The field holding the stored value. */
  String storeField;
  /** The Javadoc words of what the getter returns, after "Returns {@code name}". */
  String returnsDoc;
  /** A scalar whose typed value is read from its text: {@code xAsString()} and a typed setter. */
  boolean textBacked;
  /** A list whose items are read from their texts: {@code xAsStrings()}. */
  boolean textsBacked;
  /** The typed setter's parameter type, for text-backed scalars. */
  String typedSetterType;
  /** Turns the typed setter's {@code value} into its text. */
  String typedToText;
  /** Whether the typed setter refuses {@code UNKNOWN_TO_SDK_VERSION} (an open enum's). */
  boolean enumSetter;
  /** Derives the typed value from the stored field ({@code STORED} stands for it), or null when they are one. */
  String derive;
  /** Copies the builder's value into the immutable field ({@code b.x} is the builder's). */
  String copyIn;
  /** Copies the field into a builder. */
  String copyOut;
  /** Reads the stored value at the reader {@code in}. */
  String read;
  /** Writes the field of {@code value} to {@code out}, as a statement. */
  String write;
  /** A list: the builder gets an adder when the configuration names one. */
  boolean list;
  /** A map: the builder gets a {@code putX(key, value)}. */
  boolean map;
  /** The item type of a list or the value type of a map, as the builder stores it. */
  String itemStoreType;
  /** The adder's name suffix ({@code addSubJob}), or null for none. */
  String adder;
  /** The builder's value for {@link #storeField} from the spec's example, or null when there is none. */
  String example;
  /** Whether the JSON must carry the property. */
  boolean required;
  /** Whether the property may be JSON null. */
  boolean nullable;
  /** The imports the property needs. */
  final TreeSet<String> imports = new TreeSet<>();

  /** Puts every piece into a property's vendor extensions, under {@code x-java-}. */
  void exportTo(Map<String, Object> extensions) {
    extensions.put("x-java-type", type);
    extensions.put("x-java-store-type", storeType);
    extensions.put("x-java-store-field", storeField);
    extensions.put("x-java-returns", returnsDoc);
    put(extensions, "x-java-text-backed", textBacked);
    put(extensions, "x-java-texts-backed", textsBacked);
    put(extensions, "x-java-typed-setter-type", typedSetterType);
    put(extensions, "x-java-typed-to-text", typedToText);
    put(extensions, "x-java-enum-setter", enumSetter);
    if (derive != null) {
      extensions.put("x-java-derive", derive.replace("STORED", "this." + storeField));
      extensions.put("x-java-derived", true);
    }
    extensions.put("x-java-copy-in", copyIn);
    extensions.put("x-java-copy-out", copyOut);
    extensions.put("x-java-read", read);
    extensions.put("x-java-write", write);
    put(extensions, "x-java-list", list);
    put(extensions, "x-java-map", map);
    put(extensions, "x-java-item-store-type", itemStoreType);
    put(extensions, "x-java-adder", adder);
    if (example != null) {
      extensions.put("x-java-example", example);
      extensions.put("x-java-has-example", true);
    }
    put(extensions, "x-java-plain", !textBacked && !list && !map);
    put(extensions, "x-java-required", required && !nullable);
    put(extensions, "x-java-required-nullable", required && nullable);
  }

  /** Mustache treats a missing key as false: only set values are put. */
  private static void put(Map<String, Object> extensions, String key, Object value) {
    if (value instanceof Boolean && !((Boolean) value)) {
      extensions.remove(key);
    } else if (value != null) {
      extensions.put(key, value);
    }
  }
}
