// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openapitools.empoa.swagger.core.internal.SwAdapter;
import org.openapitools.openapistylevalidator.OpenApiSpecStyleValidator;
import org.openapitools.openapistylevalidator.ValidatorParameters;
import org.openapitools.openapistylevalidator.styleerror.StyleError;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Runs the spec's linter (the OpenAPI Style Validator library that the build's
 * openapi-style-validator-maven-plugin runs) with the plugin's own options, read from this
 * module's pom.xml: the real spec has no finding, and a copy with a finding injected has one, so
 * the build's lint can fail.
 */
class SpecLintTest {
  static final String PLUGIN = "openapi-style-validator-maven-plugin";
  static Path basedir;
  static Path spec;
  static Map<String, String> options;

  @BeforeAll
  static void readPluginOptions() throws Exception {
    basedir = Paths.get(System.getProperty("basedir", ".")).toAbsolutePath();
    Element pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(basedir.resolve("pom.xml").toFile()).getDocumentElement();
    Element configuration = null;
    NodeList plugins = pom.getElementsByTagName("plugin");
    for (int i = 0; i < plugins.getLength(); i++) {
      Element plugin = (Element) plugins.item(i);
      if (PLUGIN.equals(child(plugin, "artifactId").getTextContent().trim())) {
        configuration = child(plugin, "configuration");
      }
    }
    assertNotNull(configuration, PLUGIN + " and its configuration in pom.xml");
    options = new LinkedHashMap<>();
    for (Node n = configuration.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element) {
        options.put(n.getNodeName(), n.getTextContent().trim());
      }
    }
    String inputFile = options.remove("inputFile");
    assertNotNull(inputFile, "the plugin's inputFile");
    spec = Paths.get(inputFile.replace("${project.basedir}", basedir.toString()));
    assertEquals(basedir.resolve("src/main/resources/openapi/sfs-turbo-jobs.yaml").normalize(), spec.normalize(),
        "the plugin lints the packaged spec");
  }

  static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element && n.getNodeName().equals(name)) {
        return (Element) n;
      }
    }
    return null;
  }

  /** The plugin's options as the library's parameters, set through the setters the plugin uses. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static ValidatorParameters parameters() throws Exception {
    ValidatorParameters parameters = new ValidatorParameters();
    for (Map.Entry<String, String> option : options.entrySet()) {
      String setter = "set" + Character.toUpperCase(option.getKey().charAt(0)) + option.getKey().substring(1);
      Method method = null;
      for (Method m : ValidatorParameters.class.getMethods()) {
        if (m.getName().equals(setter) && m.getParameterCount() == 1) {
          method = m;
        }
      }
      assertNotNull(method, "the library has no option " + option.getKey());
      Class<?> type = method.getParameterTypes()[0];
      if (type == boolean.class) {
        assertTrue(option.getValue().matches("true|false"), option.getKey() + " must be a literal true or false");
        method.invoke(parameters, Boolean.parseBoolean(option.getValue()));
      } else if (type.isEnum()) {
        method.invoke(parameters, Enum.valueOf((Class<? extends Enum>) type, option.getValue()));
      } else {
        fail("unexpected option type of " + option.getKey() + ": " + type);
      }
    }
    return parameters;
  }

  /** Parses the file as the plugin does (swagger-parser, references resolved) and lints it. */
  static List<String> lint(Path file) throws Exception {
    ParseOptions parseOptions = new ParseOptions();
    parseOptions.setResolve(true);
    SwaggerParseResult parsed = new OpenAPIParser().readLocation(file.toString(), null, parseOptions);
    assertNotNull(parsed.getOpenAPI(), "parsed " + file + ": " + parsed.getMessages());
    List<StyleError> errors = new OpenApiSpecStyleValidator(SwAdapter.toOpenAPI(parsed.getOpenAPI()))
        .validate(parameters());
    return errors.stream().map(StyleError::toString).collect(Collectors.toList());
  }

  static String specText() throws Exception {
    return new String(Files.readAllBytes(spec), StandardCharsets.UTF_8);
  }

  static Path write(Path dir, String text) throws Exception {
    Path copy = dir.resolve("sfs-turbo-jobs.yaml");
    Files.write(copy, text.getBytes(StandardCharsets.UTF_8));
    return copy;
  }

  @Test
  void everyCheckIsSetExplicitlyAndOnlyNamingIsOff() {
    Set<String> checks = new TreeSet<>();
    for (Method m : ValidatorParameters.class.getMethods()) {
      if (m.getName().startsWith("setValidate")) {
        checks.add("v" + m.getName().substring(4));
      }
    }
    assertTrue(options.keySet().containsAll(checks), "checks left at the plugin's default: "
        + checks.stream().filter(c -> !options.containsKey(c)).collect(Collectors.toList()));
    List<String> off = checks.stream().filter(c -> "false".equals(options.get(c))).collect(Collectors.toList());
    assertEquals(java.util.Collections.singletonList("validateNaming"), off, "checks turned off");
  }

  @Test
  void theSpecHasNoFinding() throws Exception {
    assertEquals(new ArrayList<String>(), lint(spec));
  }

  @Test
  void aMissingContactIsAFinding(@TempDir Path dir) throws Exception {
    String text = specText();
    String withoutContact = text.replaceFirst("\n  contact:\n(    .*\n)+", "\n");
    assertNotEquals(text, withoutContact, "the contact block was removed");
    List<String> findings = lint(write(dir, withoutContact));
    assertEquals(1, findings.size(), findings.toString());
    assertTrue(findings.get(0).contains("'contact'"), findings.toString());
  }

  @Test
  void aMissingPropertyExampleIsAFinding(@TempDir Path dir) throws Exception {
    String text = specText();
    String injected = text.replaceFirst("\n          example: APIGW\\.0301\n", "\n");
    assertNotEquals(text, injected, "the example of GatewayError.error_code was removed");
    List<String> findings = lint(write(dir, injected));
    assertEquals(1, findings.size(), findings.toString());
    assertTrue(findings.get(0).contains("'GatewayError', property 'error_code', field 'example'"), findings.toString());
  }

  @Test
  void snakeCaseNamesAreNotFindings(@TempDir Path dir) throws Exception {
    // Naming is off: a further snake_case property passes, as the API's own do.
    String injected = specText().replaceFirst("\n        request_id:\n",
        "\n        extra_snake_case:\n          type: string\n          description: Injected.\n"
            + "          example: x\n        request_id:\n");
    assertEquals(new ArrayList<String>(), lint(write(dir, injected)));
  }

  /**
   * The style validator does not report unused components; this does, so that a schema such as
   * GatewayError cannot sit in the spec without a response that uses it.
   */
  @Test
  @SuppressWarnings("unchecked")
  void everyComponentIsUsed() throws Exception {
    String text = specText();
    Set<String> refs = new TreeSet<>();
    Matcher m = Pattern.compile("\\$ref: '#/components/([A-Za-z]+/[A-Za-z0-9_.-]+)'").matcher(text);
    while (m.find()) {
      refs.add(m.group(1));
    }
    Map<String, Object> root = new org.yaml.snakeyaml.Yaml().load(text);
    Map<String, Object> components = (Map<String, Object>) root.get("components");
    List<String> unused = new ArrayList<>();
    for (String kind : new String[] {"schemas", "responses", "parameters", "headers", "examples", "requestBodies"}) {
      Map<String, Object> named = (Map<String, Object>) components.get(kind);
      if (named != null) {
        for (String name : named.keySet()) {
          if (!refs.contains(kind + "/" + name)) {
            unused.add(kind + "/" + name);
          }
        }
      }
    }
    assertEquals(new ArrayList<String>(), unused, "components no $ref reaches");
  }
}
