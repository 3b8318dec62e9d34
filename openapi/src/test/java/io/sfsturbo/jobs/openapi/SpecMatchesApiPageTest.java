// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Scanner;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Reads the API page (a copy of shared/spec-source/ShowJobDetail.rst in test resources) and
 * checks that the spec models every table, status code and example of it.
 */
class SpecMatchesApiPageTest {
  static Map<String, Object> spec;
  static String page;
  static Map<Integer, List<String>> tables;

  @BeforeAll
  static void read() throws Exception {
    try (InputStream in = SpecMatchesApiPageTest.class.getResourceAsStream("/openapi/sfs-turbo-jobs.yaml")) {
      spec = new Yaml().load(in);
    }
    try (Scanner s = new Scanner(SpecMatchesApiPageTest.class.getResourceAsStream("/ShowJobDetail.rst"),
        StandardCharsets.UTF_8.name()).useDelimiter("\\A")) {
      page = s.next();
    }
    tables = firstColumns(page);
  }

  /** The first column of each "Table N" of the page, header row left out. */
  static Map<Integer, List<String>> firstColumns(String rst) {
    Map<Integer, List<String>> result = new LinkedHashMap<>();
    Matcher m = Pattern.compile("\\.\\. table:: \\*\\*Table (\\d+)\\*\\*").matcher(rst);
    List<int[]> starts = new ArrayList<>();
    while (m.find()) {
      starts.add(new int[] {Integer.parseInt(m.group(1)), m.end()});
    }
    for (int i = 0; i < starts.size(); i++) {
      int end = i + 1 < starts.size() ? starts.get(i + 1)[1] : rst.length();
      String block = rst.substring(starts.get(i)[1], end);
      List<String> names = new ArrayList<>();
      for (String line : block.split("\n")) {
        String t = line.trim();
        if (t.startsWith("| ")) {
          names.add(t.substring(2).split("\\s*\\|")[0].trim());
        } else if (!t.isEmpty() && Character.isLetter(t.charAt(0)) && line.startsWith("   ")) {
          names.add(t.split("\\s+")[0]);
        } else if (t.isEmpty() && !names.isEmpty()) {
          break;
        }
      }
      names.remove("Parameter");
      result.put(starts.get(i)[0], names);
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object o, String... path) {
    Object at = o;
    for (String p : path) {
      at = ((Map<String, Object>) at).get(p);
      assertNotNull(at, "missing " + String.join("/", path) + " at " + p);
    }
    return (Map<String, Object>) at;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> resolve(Map<String, Object> node) {
    Object ref = node.get("$ref");
    if (ref == null) {
      return node;
    }
    String[] parts = ((String) ref).substring(2).split("/");
    return resolve(map(spec, parts));
  }

  static Map<String, Object> operation() {
    return map(spec, "paths", "/v1/{project_id}/sfs-turbo/jobs/{job_id}", "get");
  }

  @Test
  void pageTablesWereRead() {
    assertEquals(Arrays.asList("project_id", "job_id"), tables.get(1));
    assertEquals(8, tables.size());
    assertEquals(8, tables.get(4).size());
    assertEquals(7, tables.get(5).size());
  }

  @Test
  @SuppressWarnings("unchecked")
  void pathAndHeaderParametersOfTables1And2() {
    List<String> names = new ArrayList<>();
    for (Object p : (List<Object>) operation().get("parameters")) {
      Map<String, Object> param = resolve((Map<String, Object>) p);
      names.add((String) param.get("name"));
      if ("path".equals(param.get("in"))) {
        assertEquals(Boolean.TRUE, param.get("required"), param.get("name") + " is mandatory");
        assertEquals("string", map(param, "schema").get("type"));
      }
    }
    assertTrue(names.containsAll(tables.get(1)), names.toString());
    assertTrue(names.containsAll(tables.get(2)), names.toString());
    assertEquals("X-Auth-Token", map(spec, "components", "securitySchemes", "iamToken").get("name"));
  }

  @Test
  void successResponseOfTables3To5() {
    Map<String, Object> ok = map(operation(), "responses", "200");
    assertTrue(map(ok, "headers").keySet().containsAll(tables.get(3)));
    Map<String, Object> body = resolve(map(ok, "content", "application/json", "schema"));
    assertEquals(tables.get(4), new ArrayList<>(map(body, "properties").keySet()));
    Map<String, Object> sub = resolve(map(body, "properties", "sub_jobs", "items"));
    assertEquals(tables.get(5), new ArrayList<>(map(sub, "properties").keySet()));
    Map<String, Object> status = resolve(map(body, "properties", "status"));
    assertEquals(Arrays.asList("success", "running", "failed", "waiting"), status.get("enum"));
    assertEquals(status, resolve(map(sub, "properties", "status")));
    for (String time : new String[] {"begin_time", "end_time"}) {
      assertTrue(String.valueOf(map(body, "properties", time).get("description")).contains("yyyy-MM-dd HH:mm:ss"));
    }
  }

  @Test
  void errorResponsesOfTables6To8() {
    int table = 6;
    for (String code : new String[] {"400", "404", "500"}) {
      Map<String, Object> response = resolve(map(operation(), "responses", code));
      Map<String, Object> schema = resolve(map(response, "content", "application/json", "schema"));
      assertEquals(tables.get(table++), new ArrayList<>(map(schema, "properties").keySet()), code);
    }
    Set<String> fromTheService = new HashSet<>();
    for (String code : map(operation(), "responses").keySet()) {
      if (!"api-gateway".equals(resolve(map(operation(), "responses", code)).get("x-source"))) {
        fromTheService.add(code);
      }
    }
    assertEquals(new HashSet<>(Arrays.asList("200", "400", "404", "500")), fromTheService,
        "the page's status codes (answers of the API gateway, marked x-source: api-gateway, aside)");
  }

  /** Responses the page does not list are the API gateway's, marked and described as such. */
  @Test
  void gatewayResponsesAreMarkedAndSaySo() {
    Set<String> fromTheGateway = new HashSet<>();
    for (String code : map(operation(), "responses").keySet()) {
      Map<String, Object> response = resolve(map(operation(), "responses", code));
      if ("api-gateway".equals(response.get("x-source"))) {
        fromTheGateway.add(code);
        String description = String.valueOf(response.get("description"));
        assertTrue(description.contains("API gateway"), code + ": " + description);
        assertTrue(description.contains("API page"), code + " says the page does not list it: " + description);
        assertTrue(map(response, "headers").containsKey("X-request-id"), code);
      }
    }
    assertEquals(new HashSet<>(Arrays.asList("401", "403", "429")), fromTheGateway);
    assertTrue(map(resolve(map(operation(), "responses", "429")), "headers").containsKey("Retry-After"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyExampleOfThePageIsInTheSpec() {
    Matcher m = Pattern.compile("\\*\\*Status code: (\\d+)\\*\\*\\s*\\n\\n[^\\n]*\\n\\n\\.\\. code-block::\\s*\\n\\n((?:   .*\\n)+)")
        .matcher(page);
    int found = 0;
    while (m.find()) {
      found++;
      Object example = new Yaml().load(m.group(2));
      Map<String, Object> response = resolve(map(operation(), "responses", m.group(1)));
      Map<String, Object> examples = map(response, "content", "application/json", "examples");
      boolean present = false;
      for (Object e : examples.values()) {
        present |= example.equals(((Map<String, Object>) e).get("value"));
      }
      assertTrue(present, "the page's " + m.group(1) + " example " + example + " is not in the spec");
    }
    assertEquals(4, found, "examples read from the page");
  }
}
