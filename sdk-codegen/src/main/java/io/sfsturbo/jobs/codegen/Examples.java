// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.codegen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The spec's example of a property, as JSON text: its own {@code example}, or the referenced schema's,
 * or, for an object without one, an object made of its properties' examples (so that a nested object
 * added to the spec is served by the test kit's emulator with no change there). Arrays and maps get
 * an example only when the spec gives one: an emulator must not invent items.
 */
final class Examples {
  private final OpenAPI openAPI;

  Examples(OpenAPI openAPI) {
    this.openAPI = openAPI;
  }

  /**
   * Returns the example of a property of a component schema.
   *
   * @param schemaName the component schema's name
   * @param property the property's JSON name
   * @return JSON text, or null when there is none
   */
  String of(String schemaName, String property) {
    Schema<?> holder = component(schemaName);
    if (holder == null || holder.getProperties() == null) {
      return null;
    }
    JsonNode node = example(holder.getProperties().get(property), new HashSet<>());
    return node == null ? null : write(node);
  }

  private JsonNode example(Schema<?> schema, Set<String> visiting) {
    if (schema == null) {
      return null;
    }
    String ref = schema.get$ref();
    if (ref != null) {
      String name = ref.substring(ref.lastIndexOf('/') + 1);
      if (!visiting.add(name)) {
        // A schema that contains itself: no finite example.
        return null;
      }
      try {
        return example(component(name), visiting);
      } finally {
        visiting.remove(name);
      }
    }
    if (schema.getExample() != null) {
      return toNode(schema.getExample());
    }
    if (schema.getProperties() != null && !schema.getProperties().isEmpty() && !"array".equals(schema.getType())) {
      ObjectNode object = Json.mapper().createObjectNode();
      for (Map.Entry<String, Schema> p : schema.getProperties().entrySet()) {
        if ("array".equals(p.getValue().getType()) || p.getValue().getAdditionalProperties() != null) {
          // Containers only with an example of their own (above), never invented.
          if (p.getValue().getExample() != null) {
            object.set(p.getKey(), toNode(p.getValue().getExample()));
          }
          continue;
        }
        JsonNode value = example(p.getValue(), visiting);
        if (value != null) {
          object.set(p.getKey(), value);
        }
      }
      return object.isEmpty() ? null : object;
    }
    return null;
  }

  private Schema<?> component(String name) {
    if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
      return null;
    }
    return openAPI.getComponents().getSchemas().get(name);
  }

  /** The parser turns some examples into Java values (times, dates): back to what the spec wrote. */
  private static JsonNode toNode(Object example) {
    if (example instanceof JsonNode) {
      return (JsonNode) example;
    }
    if (example instanceof OffsetDateTime) {
      return Json.mapper().getNodeFactory().textNode(
          DateTimeFormatter.ISO_OFFSET_DATE_TIME.format((OffsetDateTime) example));
    }
    if (example instanceof Date) {
      // A format: date example: the parser made it a Date at midnight UTC.
      return Json.mapper().getNodeFactory().textNode(
          ((Date) example).toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString());
    }
    if (example instanceof LocalDate) {
      return Json.mapper().getNodeFactory().textNode(example.toString());
    }
    return Json.mapper().valueToTree(example);
  }

  private static String write(JsonNode node) {
    try {
      return Json.mapper().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
