// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.codegen;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.CodegenParameter;
import org.openapitools.codegen.CodegenProperty;
import org.openapitools.codegen.languages.JavaClientCodegen;
import org.openapitools.codegen.model.ModelMap;
import org.openapitools.codegen.model.ModelsMap;
import org.openapitools.codegen.model.OperationMap;
import org.openapitools.codegen.model.OperationsMap;
import org.openapitools.codegen.utils.StringUtils;

/**
 * The SDK's generator: the Java client generator with the project's type decision ({@link Shapes}) and
 * the Java binding choices that the spec does not make, read from the plugin's configuration (as AWS
 * keeps a service's {@code customization.config} beside its model). The templates (in
 * {@code sdk-generated/src/main/templates}) then only paste what is computed here.
 *
 * <p>Configuration, as {@code additionalProperties} of the Maven plugin (values cannot hold commas,
 * which the plugin splits on):
 * <ul>
 *   <li>{@code modelInterfaces}: {@code Schema=fully.qualified.Interface|other.Interface;Schema2=...}, the
 *       hand-written interfaces a model implements;
 *   <li>{@code itemAdders}: {@code Schema.json_name=ItemName;...}, a builder method {@code addItemName(item)}
 *       for a list property;
 *   <li>{@code managedHeaders}: {@code Header-Name|Other}, request headers that the SDK sets and that the
 *       Retrofit interface therefore leaves out;
 *   <li>{@code responseMetadata}: {@code true} (default) to give the model of each 2xx response body the
 *       response's {@code requestId()} and the body as received, {@code rawJson()}.
 * </ul>
 */
public class SfsTurboJavaCodegen extends JavaClientCodegen {
  /** The generator's name for the plugin's {@code generatorName}. */
  public static final String NAME = "sfsturbo-java";

  private final Map<String, List<String>> interfaces = new LinkedHashMap<>();
  private final Map<String, String> adders = new LinkedHashMap<>();
  private final Set<String> managedHeaders = new HashSet<>();
  private boolean responseMetadata = true;
  private final Set<String> responseSchemas = new HashSet<>();
  private Examples examples;

  /** Creates the generator; the plugin calls it. */
  public SfsTurboJavaCodegen() {
    setLibrary(RETROFIT_2);
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public String getHelp() {
    return "Generates the SFS Turbo Jobs SDK's immutable model and Retrofit interface.";
  }

  @Override
  public void processOpts() {
    super.processOpts();
    // Not the Java client's project files (ApiClient, build scripts, README): the SDK's own support code only.
    supportingFiles.clear();
    supportingFiles.addAll(SupportTemplates.under(templateDir()));
    for (String entry : entries(MODEL_INTERFACES)) {
      String[] kv = keyValue(MODEL_INTERFACES, entry);
      interfaces.put(kv[0], Arrays.asList(kv[1].split("\\|")));
    }
    for (String entry : entries(ITEM_ADDERS)) {
      String[] kv = keyValue(ITEM_ADDERS, entry);
      adders.put(kv[0], kv[1]);
    }
    Object headers = additionalProperties.get(MANAGED_HEADERS);
    if (headers != null) {
      for (String h : headers.toString().split("\\|")) {
        managedHeaders.add(h.trim().toLowerCase(Locale.ROOT));
      }
    }
    Object metadata = additionalProperties.get(RESPONSE_METADATA);
    responseMetadata = metadata == null || Boolean.parseBoolean(metadata.toString());
  }

  /** The configuration key of the interfaces models implement. */
  public static final String MODEL_INTERFACES = "modelInterfaces";
  /** The configuration key of the list adders. */
  public static final String ITEM_ADDERS = "itemAdders";
  /** The configuration key of the headers the SDK sets itself. */
  public static final String MANAGED_HEADERS = "managedHeaders";
  /** The configuration key of the response metadata switch. */
  public static final String RESPONSE_METADATA = "responseMetadata";

  private List<String> entries(String key) {
    Object value = additionalProperties.get(key);
    if (value == null || value.toString().trim().isEmpty()) {
      return Collections.emptyList();
    }
    List<String> out = new ArrayList<>();
    for (String e : value.toString().split(";")) {
      if (!e.trim().isEmpty()) {
        out.add(e.trim());
      }
    }
    return out;
  }

  private static String[] keyValue(String key, String entry) {
    int eq = entry.indexOf('=');
    if (eq <= 0 || eq == entry.length() - 1) {
      throw new IllegalArgumentException(key + ": '" + entry + "' is not name=value");
    }
    return new String[] {entry.substring(0, eq).trim(), entry.substring(eq + 1).trim()};
  }

  @Override
  public void preprocessOpenAPI(OpenAPI openAPI) {
    super.preprocessOpenAPI(openAPI);
    examples = new Examples(openAPI);
    if (openAPI.getPaths() == null) {
      return;
    }
    for (PathItem path : openAPI.getPaths().values()) {
      for (Operation op : path.readOperations()) {
        if (op.getResponses() == null) {
          continue;
        }
        for (Map.Entry<String, ApiResponse> r : op.getResponses().entrySet()) {
          if (!r.getKey().startsWith("2") || r.getValue().getContent() == null) {
            continue;
          }
          for (MediaType media : r.getValue().getContent().values()) {
            Schema<?> schema = media.getSchema();
            if (schema != null && schema.get$ref() != null) {
              responseSchemas.add(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
            }
          }
        }
      }
    }
  }

  @Override
  public Map<String, ModelsMap> postProcessAllModels(Map<String, ModelsMap> all) {
    Map<String, ModelsMap> result = super.postProcessAllModels(all);
    Set<String> objects = new HashSet<>();
    Set<String> composed = new HashSet<>();
    Set<String> classNames = new HashSet<>();
    for (ModelsMap file : result.values()) {
      for (ModelMap m : file.getModels()) {
        CodegenModel model = m.getModel();
        classNames.add(model.classname);
        if (isComposed(model)) {
          composed.add(model.classname);
        } else if (!model.isEnum) {
          objects.add(model.classname);
        }
      }
    }
    checkConfiguration(result);
    // Properties first, so that a oneOf inside a schema is reported with the property that holds it.
    for (ModelsMap file : result.values()) {
      for (ModelMap m : file.getModels()) {
        CodegenModel model = m.getModel();
        if (model.isEnum) {
          bindEnumModel(model);
        } else if (!composed.contains(model.classname)) {
          bindObjectModel(model, objects, composed, classNames);
        }
      }
    }
    for (ModelsMap file : result.values()) {
      for (ModelMap m : file.getModels()) {
        if (composed.contains(m.getModel().classname)) {
          throw new UnsupportedShapeException("schema '" + schemaName(m.getModel()) + "': oneOf/anyOf/allOf is not "
              + "supported by the SDK's generator; map the schema in the generator's schemaMappings, or give it "
              + "plain properties");
        }
      }
    }
    return result;
  }

  private static boolean isComposed(CodegenModel model) {
    return model.oneOf != null && !model.oneOf.isEmpty() || model.anyOf != null && !model.anyOf.isEmpty()
        || model.allOf != null && !model.allOf.isEmpty() || model.getComposedSchemas() != null;
  }

  /** A name in the configuration that matches no schema is a typo: fail rather than ignore it. */
  private void checkConfiguration(Map<String, ModelsMap> all) {
    Set<String> schemas = new TreeSet<>();
    for (ModelsMap file : all.values()) {
      for (ModelMap m : file.getModels()) {
        schemas.add(schemaName(m.getModel()));
      }
    }
    for (String schema : interfaces.keySet()) {
      if (!schemas.contains(schema)) {
        throw new UnsupportedShapeException(MODEL_INTERFACES + " names schema '" + schema + "', which the spec does "
            + "not have (schemas: " + schemas + ")");
      }
    }
    for (String key : adders.keySet()) {
      int dot = key.indexOf('.');
      if (dot <= 0 || !schemas.contains(key.substring(0, dot))) {
        throw new UnsupportedShapeException(ITEM_ADDERS + " names '" + key + "', which is not Schema.property of "
            + "the spec (schemas: " + schemas + ")");
      }
    }
  }

  private static String schemaName(CodegenModel model) {
    return model.schemaName != null ? model.schemaName : model.name;
  }

  private void bindEnumModel(CodegenModel model) {
    Object values = model.allowableValues == null ? null : model.allowableValues.get("values");
    if (!model.isString && !"String".equals(model.dataType)) {
      throw new UnsupportedShapeException("schema '" + schemaName(model) + "': an enum of " + model.dataType
          + " values is not supported by the SDK's generator (only string enums are)");
    }
    model.vendorExtensions.put("x-java-enum", openEnum(model.classname, model.description, values,
        model.vendorExtensions));
  }

  private void bindObjectModel(CodegenModel model, Set<String> objects, Set<String> composed,
      Set<String> classNames) {
    String schema = schemaName(model);
    // Every model's own imports, then what its properties need: one sorted list.
    TreeSet<String> imports = new TreeSet<>(Arrays.asList("com.google.gson.TypeAdapter",
        "com.google.gson.annotations.JsonAdapter", "com.google.gson.stream.JsonReader",
        "com.google.gson.stream.JsonWriter", "java.io.IOException", "java.util.Objects"));
    List<Map<String, Object>> innerEnums = new ArrayList<>();
    Set<String> members = new HashSet<>(Arrays.asList("Builder", "GsonAdapter"));
    boolean response = responseMetadata && responseSchemas.contains(schema);
    if (response) {
      members.addAll(RESPONSE_MEMBERS);
    }
    for (CodegenProperty p : model.vars) {
      CodegenProperty value = (p.isArray || p.isMap) && p.items != null ? p.items : p;
      if (value.complexType != null && composed.contains(value.complexType) || value.getComposedSchemas() != null) {
        throw new UnsupportedShapeException(model, p, "a oneOf/anyOf/allOf value (map its schema in the "
            + "generator's schemaMappings, or give it plain properties)");
      }
      String innerEnum = null;
      CodegenProperty enumSource = p.isEnum ? p : (p.isArray && p.items != null && p.items.isEnum) ? p.items : null;
      if (enumSource != null) {
        innerEnum = StringUtils.camelize(p.name) + (p.isArray ? "Item" : "");
        if (classNames.contains(innerEnum) || !members.add(innerEnum)) {
          throw new UnsupportedShapeException(model, p, "an inline enum whose class name '" + innerEnum
              + "' clashes with another class of the model; make it a component schema");
        }
        Object values = enumSource._enum != null ? enumSource._enum
            : enumSource.allowableValues == null ? null : enumSource.allowableValues.get("values");
        Map<String, Object> e = openEnum(innerEnum, p.description, values, enumSource.vendorExtensions);
        innerEnums.add(e);
      }
      Binding b = Shapes.bind(model, p, examples.of(schema, p.baseName), innerEnum, adders.get(schema + "."
          + p.baseName), objects);
      b.exportTo(p.vendorExtensions);
      imports.addAll(b.imports);
      String pascal = StringUtils.camelize(p.name);
      p.vendorExtensions.put("x-java-pascal", pascal);
      p.vendorExtensions.put("x-java-json-name", Shapes.javaString(p.baseName));
      p.vendorExtensions.put("x-java-doc", propertyDoc(p));
      for (String member : memberNames(p, b)) {
        if (RESERVED_MEMBERS.contains(member) || !members.add(member)) {
          throw new UnsupportedShapeException(model, p, "a property whose accessor '" + member + "' clashes with "
              + "another member of the model");
        }
      }
    }
    model.vendorExtensions.put("x-java-doc", Javadoc.text(model.description == null
        ? "The " + schema + " schema of the spec." : model.description).replace("\n   * ", "\n * "));
    if (!innerEnums.isEmpty()) {
      imports.addAll(Arrays.asList("java.util.Collections", "java.util.EnumSet", "java.util.HashMap",
          "java.util.Locale", "java.util.Map", "java.util.Set"));
    }
    model.vendorExtensions.put("x-java-imports", new ArrayList<>(imports));
    model.vendorExtensions.put("x-java-inner-enums", innerEnums);
    List<String> implemented = interfaces.get(schema);
    if (implemented != null && !implemented.isEmpty()) {
      List<String> names = new ArrayList<>();
      for (String type : implemented) {
        // An interface of the model's own package needs no qualification.
        names.add(type.startsWith(modelPackage + ".") && type.indexOf('.', modelPackage.length() + 1) < 0
            ? type.substring(modelPackage.length() + 1) : type);
      }
      model.vendorExtensions.put("x-java-implements", String.join(", ", names));
    }
    if (response) {
      model.vendorExtensions.put("x-java-response", true);
    }
  }

  /** Names every generated model has, which a property must not take. */
  private static final Set<String> RESERVED_MEMBERS = new HashSet<>(Arrays.asList("builder", "exampleBuilder",
      "toBuilder", "equals", "hashCode", "toString", "getClass", "notify", "notifyAll", "wait", "build"));
  /** The names a model of a response body adds ({@code responseMetadata}). */
  private static final Set<String> RESPONSE_MEMBERS = new HashSet<>(Arrays.asList("requestId", "rawJson"));

  /** The accessor names a property adds to its model. */
  private static List<String> memberNames(CodegenProperty p, Binding b) {
    List<String> names = new ArrayList<>();
    names.add(p.name);
    if (b.textBacked) {
      names.add(p.name + "AsString");
    }
    if (b.textsBacked) {
      names.add(p.name + "AsStrings");
    }
    return names;
  }

  /** A property's Javadoc: the spec's description and the values known when the SDK was built. */
  private static String propertyDoc(CodegenProperty p) {
    String doc = p.description == null ? "" : p.description.trim();
    Object known = p.vendorExtensions.get("x-known-values");
    if (known instanceof List && !((List<?>) known).isEmpty()) {
      List<String> values = new ArrayList<>();
      for (Object v : (List<?>) known) {
        values.add("<code>" + Javadoc.html(String.valueOf(v)) + "</code>");
      }
      return Javadoc.text(doc) + "\n   *\n   * <p>Values known when this SDK was built: " + String.join(", ", values)
          + ".";
    }
    return Javadoc.text(doc);
  }

  /**
   * The data of an open enum for the enum template: its constants with their texts and descriptions
   * ({@code x-enum-varnames}, {@code x-enum-descriptions}) and its final values ({@code x-terminal-values}).
   */
  private Map<String, Object> openEnum(String name, String description, Object values, Map<String, Object> ext) {
    List<?> texts = values instanceof List ? (List<?>) values : Collections.emptyList();
    List<?> names = ext.get("x-enum-varnames") instanceof List ? (List<?>) ext.get("x-enum-varnames") : null;
    List<?> docs = ext.get("x-enum-descriptions") instanceof List ? (List<?>) ext.get("x-enum-descriptions") : null;
    List<Map<String, Object>> constants = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < texts.size(); i++) {
      String text = String.valueOf(texts.get(i));
      String constant = names != null && i < names.size() ? String.valueOf(names.get(i))
          : toEnumVarName(text, "String");
      if (!seen.add(constant) || constant.equals("UNKNOWN_TO_SDK_VERSION")) {
        throw new UnsupportedShapeException("enum '" + name + "': the constant name '" + constant + "' is used twice "
            + "or is reserved; set x-enum-varnames");
      }
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("constant", constant);
      c.put("literal", Shapes.javaString(text));
      c.put("text", text);
      String doc = docs != null && i < docs.size() ? String.valueOf(docs.get(i)) : text;
      c.put("doc", Javadoc.text(doc));
      c.put("docLiteral", Shapes.javaString(doc));
      c.put("textDoc", Javadoc.html(text));
      constants.add(c);
    }
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("enumName", name);
    e.put("enumDoc", Javadoc.text(description == null ? "The values of " + name + "." : description.trim()));
    e.put("constants", constants);
    Object terminal = ext.get("x-terminal-values");
    if (terminal instanceof List && !((List<?>) terminal).isEmpty()) {
      List<String> literals = new ArrayList<>();
      for (Object t : (List<?>) terminal) {
        if (!texts.contains(t)) {
          throw new UnsupportedShapeException("enum '" + name + "': x-terminal-values names '" + t
              + "', which is not one of its values");
        }
        literals.add("fromValue(" + Shapes.javaString(String.valueOf(t)) + ")");
      }
      e.put("terminalLiterals", String.join(", ", literals));
      e.put("terminalDoc", String.join(", ", wrapCode((List<?>) terminal)));
    }
    return e;
  }

  private static List<String> wrapCode(List<?> values) {
    List<String> out = new ArrayList<>();
    for (Object v : values) {
      out.add("<code>" + Javadoc.html(String.valueOf(v)) + "</code>");
    }
    return out;
  }

  @Override
  public OperationsMap postProcessOperationsWithModels(OperationsMap objs, List<ModelMap> allModels) {
    OperationsMap result = super.postProcessOperationsWithModels(objs, allModels);
    OperationMap ops = result.getOperations();
    for (CodegenOperation op : ops.getOperation()) {
      // The parameters the interface keeps, as their own list, so that the template's separators
      // (-first, -last) count only these: a managed header first in the spec leaves no stray comma.
      List<CodegenParameter> kept = new ArrayList<>();
      for (CodegenParameter param : op.allParams) {
        if (!(param.isHeaderParam && managedHeaders.contains(param.baseName.toLowerCase(Locale.ROOT)))) {
          kept.add(param);
        }
      }
      op.vendorExtensions.put("x-java-params", kept);
      List<String> managed = new ArrayList<>();
      for (CodegenParameter param : op.allParams) {
        if (!kept.contains(param)) {
          managed.add("<code>" + Javadoc.html(param.baseName) + "</code>");
        }
      }
      if (!managed.isEmpty()) {
        op.vendorExtensions.put("x-java-managed-headers", String.join(", ", managed));
      }
    }
    return result;
  }
}
