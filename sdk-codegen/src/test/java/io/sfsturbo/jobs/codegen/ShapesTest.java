// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonSyntaxException;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

/**
 * The generator against every shape it claims: a spec with one property of each is generated with the
 * project's templates, compiled for Java 8 with no warning, and read from JSON; each shape it does not
 * claim stops generation with a message naming the schema and the property.
 */
class ShapesTest {
  private static final Path ROOT = Paths.get(System.getProperty("sfsturbo.root", "..")).toAbsolutePath().normalize();
  private static final Path TEMPLATES = ROOT.resolve("sdk-generated/src/main/templates");

  @TempDir static Path temp;
  private static ClassLoader generated;
  private static Class<?> thing;

  @BeforeAll
  static void generateAndCompile() throws Exception {
    Path out = temp.resolve("all-shapes");
    generate(Paths.get(ShapesTest.class.getResource("/shapes/all-shapes.yaml").toURI()), out, "Thing.nodes=Node");
    List<String> sources;
    try (Stream<Path> walk = Files.walk(out)) {
      sources = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).collect(Collectors.toList());
    }
    Path classes = temp.resolve("classes");
    Files.createDirectories(classes);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter log = new StringWriter();
    List<String> args = new ArrayList<>(Arrays.asList("--release", "8", "-Xlint:all,-options,-processing", "-proc:none", "-Werror",
        "-classpath", System.getProperty("java.class.path"), "-d", classes.toString()));
    boolean ok = javac.getTask(log, null, null, args, null,
        javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjectsFromStrings(sources)).call();
    assertTrue(ok, "the generated code does not compile without warnings:\n" + log);
    generated = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ShapesTest.class.getClassLoader());
    thing = generated.loadClass("io.sfsturbo.jobs.model.Thing");
  }

  private static void generate(Path spec, Path out, String adders) {
    CodegenConfigurator config = new CodegenConfigurator()
        .setGeneratorName(SfsTurboJavaCodegen.NAME)
        .setInputSpec(spec.toString())
        .setOutputDir(out.toString())
        .setTemplateDir(TEMPLATES.toString())
        .setModelPackage("io.sfsturbo.jobs.model")
        .setApiPackage("io.sfsturbo.jobs.api")
        .setInvokerPackage("io.sfsturbo.jobs.api")
        .addAdditionalProperty(SfsTurboJavaCodegen.MANAGED_HEADERS, "X-Managed")
        .addAdditionalProperty(SfsTurboJavaCodegen.ITEM_ADDERS, adders)
        .addAdditionalProperty("hideGenerationTimestamp", "true")
        .addGlobalProperty("models", "")
        .addGlobalProperty("apis", "")
        // The support code the generated code calls, from the support templates (not the job's own interfaces,
        // whose models this spec lacks, nor the module descriptor).
        .addGlobalProperty("supportingFiles", "ModelJson.java,ServiceTimes.java,SafeText.java")
        .addGlobalProperty("modelTests", "false")
        .addGlobalProperty("modelDocs", "false")
        .addGlobalProperty("apiTests", "false")
        .addGlobalProperty("apiDocs", "false");
    new DefaultGenerator().opts(config.toClientOptInput()).generate();
  }

  private static Object read(String json) {
    return new Gson().fromJson(json, thing);
  }

  private static Object get(Object target, String accessor) throws Exception {
    return target.getClass().getMethod(accessor).invoke(target);
  }

  private static final String MINIMAL = "\"id\":\"i\",\"count_required\":1,\"maybe\":null";

  @Test
  void everyShapeReadsWithItsJavaType() throws Exception {
    Object t = read("{" + MINIMAL + ",\"size\":9007199254740993,\"plain_integer\":42,\"ratio\":0.25,"
        + "\"small\":1.5,\"exact\":12.345678901234567890,\"enabled\":true,\"created\":\"2026-01-02T03:04:05+01:00\","
        + "\"day\":\"2026-01-02\",\"service_time\":\"2016-01-02 15:04:05\",\"uuid\":\"u-1\",\"kind\":\"LARGE\","
        + "\"colour\":\"green\",\"tags\":[\"a\",\"b\"],\"numbers\":[1,2],\"colours\":[\"red\",\"purple\"],"
        + "\"kinds\":[\"up\"],\"node\":{\"name\":\"n\",\"weight\":3},\"nodes\":[{\"name\":\"m\"}],"
        + "\"inline_object\":{\"depth\":2},\"labels\":{\"env\":\"prod\"},\"counters\":{\"c\":5},"
        + "\"node_map\":{\"k\":{\"name\":\"v\"}},\"unknown\":{\"nested\":[1]}}");
    assertEquals(9007199254740993L, get(t, "size"));
    assertEquals(42, get(t, "plainInteger"));
    assertEquals(0.25d, get(t, "ratio"));
    assertEquals(1.5f, get(t, "small"));
    assertEquals(new BigDecimal("12.345678901234567890"), get(t, "exact"));
    assertEquals(true, get(t, "enabled"));
    assertEquals(OffsetDateTime.parse("2026-01-02T03:04:05+01:00"), get(t, "created"));
    assertEquals(LocalDate.parse("2026-01-02"), get(t, "day"));
    assertEquals(Instant.parse("2016-01-02T15:04:05Z"), get(t, "serviceTime"));
    assertEquals("u-1", get(t, "uuid"));
    assertEquals("LARGE", get(t, "kind").getClass().getMethod("name").invoke(get(t, "kind")));
    assertEquals("LARGE", get(t, "kindAsString"));
    assertEquals("GREEN", ((Enum<?>) get(t, "colour")).name());
    assertEquals(Arrays.asList("a", "b"), get(t, "tags"));
    assertEquals(Arrays.asList(1L, 2L), get(t, "numbers"));
    assertEquals("[RED, UNKNOWN_TO_SDK_VERSION]", names((List<?>) get(t, "colours")));
    assertEquals(Arrays.asList("red", "purple"), get(t, "coloursAsStrings"));
    assertEquals("[UP]", names((List<?>) get(t, "kinds")));
    assertEquals("n", get(get(t, "node"), "name"));
    assertEquals(3, get(get(t, "node"), "weight"));
    assertEquals("m", get(((List<?>) get(t, "nodes")).get(0), "name"));
    assertEquals(2, get(get(t, "inlineObject"), "depth"));
    assertEquals(Collections.singletonMap("env", "prod"), get(t, "labels"));
    assertEquals(Collections.singletonMap("c", 5L), get(t, "counters"));
    assertEquals("v", get(((Map<?, ?>) get(t, "nodeMap")).get("k"), "name"));
    // Immutable, and written back as read (the unknown field aside).
    assertThrows(UnsupportedOperationException.class, () -> ((List<Object>) get(t, "tags")).add("c"));
    Object again = read(new Gson().toJson(t));
    assertEquals(t, again);
    assertEquals(t.hashCode(), again.hashCode());
  }

  private static String names(List<?> values) {
    return values.stream().map(v -> ((Enum<?>) v).name()).collect(Collectors.toList()).toString();
  }

  @Test
  void absentFieldsAreNullAndContainersEmpty() throws Exception {
    Object t = read("{" + MINIMAL + "}");
    assertNull(get(t, "size"));
    assertNull(get(t, "created"));
    assertNull(get(t, "kind"));
    assertEquals(Collections.emptyList(), get(t, "tags"));
    assertEquals(Collections.emptyMap(), get(t, "labels"));
    assertNull(get(t, "maybe"));
  }

  @Test
  void wrongTypesAndMissingRequiredFieldsFailWithTheirPath() {
    assertFailure("{" + MINIMAL + ",\"enabled\":\"yes\"}", "expected a boolean at $.enabled");
    assertFailure("{" + MINIMAL + ",\"numbers\":[1,\"x\"]}", "expected a number at $.numbers[1]");
    assertFailure("{" + MINIMAL + ",\"plain_integer\":3000000000}", "32-bit integer");
    assertFailure("{" + MINIMAL + ",\"node\":[1]}", "expected an object (Node) at $.node");
    assertFailure("{" + MINIMAL + ",\"labels\":{\"a\":{}}}", "expected a string at $.labels.a");
    assertFailure("{\"id\":\"i\",\"maybe\":null}", "missing required field 'count_required'");
    assertFailure("{\"id\":\"i\",\"count_required\":null,\"maybe\":null}", "missing required field 'count_required'");
    assertFailure("{\"id\":\"i\",\"count_required\":1}", "missing required field 'maybe'");
  }

  private static void assertFailure(String json, String expected) {
    JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> read(json));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void unreadableTimesAreNullWithTheirTextKept() throws Exception {
    Object t = read("{" + MINIMAL + ",\"created\":\"yesterday\",\"service_time\":\"2016-13-45 99:00:00\"}");
    assertNull(get(t, "created"));
    assertEquals("yesterday", get(t, "createdAsString"));
    assertNull(get(t, "serviceTime"));
  }

  @Test
  void theExampleBuilderHoldsEverySpecExample() throws Exception {
    Object builder = thing.getMethod("exampleBuilder").invoke(null);
    Object t = builder.getClass().getMethod("build").invoke(builder);
    assertEquals("a \"quoted\" id \\ with a backslash", get(t, "id"));
    assertEquals(9007199254740993L, get(t, "size"));
    assertEquals(new BigDecimal("12.5"), get(t, "exact"));
    assertEquals(OffsetDateTime.parse("2026-01-02T03:04:05Z"), get(t, "created"));
    assertEquals(Arrays.asList(1L, 2L, 3L), get(t, "numbers"));
    assertEquals("node-1", get(get(t, "node"), "name"), "a nested object is made of its properties' examples");
    assertEquals("first", get(((List<?>) get(t, "nodes")).get(0), "name"));
    assertEquals(Collections.singletonMap("env", "prod"), get(t, "labels"));
    assertEquals(Collections.emptyMap(), get(t, "counters"), "no example, none invented");
  }

  @Test
  void theBuilderRefusesAMissingRequiredFieldAndNullItems() throws Exception {
    Object builder = thing.getMethod("builder").invoke(null);
    Method build = builder.getClass().getMethod("build");
    InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> build.invoke(builder));
    assertTrue(e.getCause() instanceof IllegalStateException && e.getCause().getMessage().contains("id is required"),
        String.valueOf(e.getCause()));
    builder.getClass().getMethod("id", String.class).invoke(builder, "i");
    builder.getClass().getMethod("countRequired", Integer.class).invoke(builder, 1);
    builder.getClass().getMethod("tags", List.class).invoke(builder, Arrays.asList("a", null));
    e = assertThrows(InvocationTargetException.class, () -> build.invoke(builder));
    assertTrue(e.getCause() instanceof NullPointerException, String.valueOf(e.getCause()));
  }

  @Test
  void toStringEscapesServerTextInsideContainersToo() throws Exception {
    Object t = read("{" + MINIMAL + ",\"tags\":[\"\\u001b[2J\"],\"labels\":{\"k\\u202e\":\"v\"}}");
    String s = t.toString();
    assertFalse(s.contains("\u001b") || s.contains("\u202e"), s);
    assertTrue(s.contains("\\u001b[2J") && s.contains("k\\u202e"), s);
  }

  @Test
  void theInterfaceLeavesManagedHeadersOutWithNoStrayComma() throws IOException {
    Path api = temp.resolve("all-shapes/src/main/java/io/sfsturbo/jobs/api/DefaultApi.java");
    String text = new String(Files.readAllBytes(api), StandardCharsets.UTF_8);
    assertTrue(text.contains("Call<Thing> getThing(@retrofit2.http.Path(\"id\") String id, "
        + "@retrofit2.http.Query(\"verbose\") Boolean verbose);"), text);
    assertFalse(text.contains("X-Managed\")"), text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a oneOf|{oneOf: [{type: string}, {type: integer}]}|a oneOf/anyOf/allOf value",
      "a free-form object|{type: object}|a free-form value",
      "an empty schema|{}|a free-form value",
      "an array of arrays|{type: array, items: {type: array, items: {type: string}}}|an array of arrays",
      "a map of arrays|{type: object, additionalProperties: {type: array, items: {type: string}}}|a map of arrays",
      "a map of enums|{type: object, additionalProperties: {type: string, enum: [a, b]}}|a map of enum values",
      "binary data|{type: string, format: binary}|binary data",
      "an integer enum|{type: integer, enum: [1, 2]}|an enum of Integer values",
      "a list of times|{type: array, items: {type: string, format: date-time}}|a container of date-time values",
      "another time format|{type: string, x-time-format: 'dd/MM/yyyy'}|a time in the format 'dd/MM/yyyy'",
  })
  void anUnsupportedShapeStopsGenerationNamingTheSchemaAndProperty(String what, String schema, String expected)
      throws IOException {
    Path spec = temp.resolve(what.replace(' ', '-') + ".yaml");
    Files.write(spec, String.join("\n",
        "openapi: 3.0.3",
        "info: {title: t, version: '1'}",
        "paths: {}",
        "components:",
        "  schemas:",
        "    Bad:",
        "      type: object",
        "      properties:",
        "        ok: {type: string}",
        "        the_property: " + schema,
        "").getBytes(StandardCharsets.UTF_8));
    RuntimeException e = assertThrows(RuntimeException.class, () -> generate(spec, temp.resolve("out-" + what), ""));
    Throwable t = e;
    while (!(t instanceof UnsupportedShapeException) && t.getCause() != null) {
      t = t.getCause();
    }
    assertTrue(t instanceof UnsupportedShapeException, "not the generator's own error: " + e);
    assertTrue(t.getMessage().startsWith("schema 'Bad', property 'the_property': " + expected), t.getMessage());
    assertFalse(new File(temp.resolve("out-" + what).toFile(), "src/main/java/io/sfsturbo/jobs/model/Bad.java")
        .exists(), "no code is written for a schema the generator refused");
  }

  @Test
  void aPropertyWhoseAccessorClashesWithAModelMethodIsRefused() throws IOException {
    Path spec = temp.resolve("clash.yaml");
    Files.write(spec, String.join("\n",
        "openapi: 3.0.3",
        "info: {title: t, version: '1'}",
        "paths: {}",
        "components:",
        "  schemas:",
        "    Bad:",
        "      type: object",
        "      properties:",
        "        hash_code: {type: integer}",
        "").getBytes(StandardCharsets.UTF_8));
    RuntimeException e = assertThrows(RuntimeException.class, () -> generate(spec, temp.resolve("out-clash"), ""));
    Throwable t = e;
    while (!(t instanceof UnsupportedShapeException) && t.getCause() != null) {
      t = t.getCause();
    }
    assertTrue(t.getMessage().startsWith("schema 'Bad', property 'hash_code': a property whose accessor 'hashCode' "
        + "clashes"), t.getMessage());
  }

  @Test
  void aConfigurationThatNamesNoSchemaIsRefused() {
    CodegenConfigurator config = new CodegenConfigurator()
        .setGeneratorName(SfsTurboJavaCodegen.NAME)
        .setInputSpec(ROOT.resolve("sdk-codegen/src/test/resources/shapes/all-shapes.yaml").toString())
        .setOutputDir(temp.resolve("typo").toString())
        .setTemplateDir(TEMPLATES.toString())
        .addAdditionalProperty(SfsTurboJavaCodegen.MODEL_INTERFACES, "Thng=java.io.Serializable")
        .addGlobalProperty("models", "");
    RuntimeException e = assertThrows(RuntimeException.class,
        () -> new DefaultGenerator().opts(config.toClientOptInput()).generate());
    Throwable t = e;
    while (!(t instanceof UnsupportedShapeException) && t.getCause() != null) {
      t = t.getCause();
    }
    assertNotNull(t.getMessage());
    assertTrue(t.getMessage().contains("modelInterfaces names schema 'Thng'"), t.getMessage());
  }
}
