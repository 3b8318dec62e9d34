// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.region;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A strict reader of the part of YAML that the official SDKs document for {@code regions.yaml}: services at the
 * left margin, each a block list of regions with {@code id} and {@code endpoint} and/or {@code endpoints} (a block
 * or flow list), plain or quoted scalars, comments.
 *
 * <pre>
 * SFSTURBO:
 *   - id: eu-de
 *     endpoints:
 *       - https://sfs-turbo.eu-de.example.com
 *       - 'https://sfs-turbo-backup.eu-de.example.com'
 * </pre>
 *
 * <p>Why not a YAML library: the SDK's runtime jars stay small and conflict-free (a YAML library is a common
 * version clash in applications), and the file's documented shape fits in this class. Being strict, it refuses
 * with a line number whatever else YAML allows (anchors, tags, block scalars, several documents, other keys),
 * where a general parser would read a typo as something else.
 */
public final class RegionsFile {
  /** One region of a service. */
  public static final class Entry {
    /** The region id, exactly as written. */
    public final String id;
    /** The endpoints, as written (not yet parsed as URLs). */
    public final List<String> endpoints;
    /** The line of its {@code id}. */
    public final int line;

    Entry(String id, List<String> endpoints, int line) {
      this.id = id;
      this.endpoints = Collections.unmodifiableList(endpoints);
      this.line = line;
    }
  }

  /** A file that is not of the documented shape; the message names the line. */
  public static final class Problem extends Exception {
    private static final long serialVersionUID = 1L;

    Problem(int line, String what) {
      super("line " + line + ": " + what);
    }
  }

  private final Map<String, List<Entry>> services;

  private RegionsFile(Map<String, List<Entry>> services) {
    this.services = services;
  }

  /**
   * Returns the regions of a service.
   *
   * @param service the service name, any case
   * @return its regions in file order; empty when the file has none
   */
  public List<Entry> service(String service) {
    List<Entry> e = services.get(service.toUpperCase(Locale.ROOT));
    return e == null ? Collections.<Entry>emptyList() : Collections.unmodifiableList(e);
  }

  /**
   * Parses the text of a regions file.
   *
   * @param text the text
   * @return the services and their regions
   * @throws Problem at the first line outside the documented shape
   */
  public static RegionsFile parse(String text) throws Problem {
    return new Reader(text.split("\r\n|\n|\r", -1)).read();
  }

  /** The parser's state, line by line. */
  private static final class Reader {
    final String[] lines;
    final Map<String, List<Entry>> services = new HashMap<>();
    List<Entry> service;
    /** The region being read: its id, endpoints, lines, and the indent of its keys. */
    String id;
    List<String> endpoints;
    int idLine;
    int itemLine;
    int keyIndent = -1;
    /** The indent of the block list under {@code endpoints:}, or -1 when none is open. */
    int listIndent = -1;
    boolean listOpen;

    Reader(String[] lines) {
      this.lines = lines;
    }

    RegionsFile read() throws Problem {
      for (int i = 0; i < lines.length; i++) {
        line(i + 1, lines[i]);
      }
      endItem(lines.length);
      return new RegionsFile(services);
    }

    private void line(int n, String raw) throws Problem {
      String line = raw;
      if (n == 1 && line.startsWith("\ufeff")) {
        line = line.substring(1);
      }
      int indent = 0;
      while (indent < line.length() && line.charAt(indent) == ' ') {
        indent++;
      }
      String rest = line.substring(indent);
      if (rest.startsWith("\t")) {
        throw new Problem(n, "a tab in the indentation (YAML indents with spaces)");
      }
      if (rest.trim().isEmpty() || rest.startsWith("#") || (indent == 0 && rest.trim().equals("---") && n == 1)) {
        return;
      }
      rest = stripComment(rest, n).trim();
      if (indent == 0 && !rest.startsWith("-")) {
        service(n, rest);
      } else if (service == null) {
        throw new Problem(n, "an indented line before any service name (such as SFSTURBO:)");
      } else if (listOpen && indent > keyIndent && rest.startsWith("-")) {
        listItem(n, indent, rest);
      } else if (rest.startsWith("- ") || rest.equals("-")) {
        endItem(n);
        itemLine = n;
        keyIndent = indent + 2;
        String first = rest.substring(1).trim();
        if (first.isEmpty()) {
          throw new Problem(n, "a list item without 'id: ...' on its line");
        }
        key(n, first);
      } else if (id != null || endpoints != null || itemLine > 0) {
        if (indent != keyIndent) {
          throw new Problem(n, "indented " + indent + " spaces where the keys of the region on line " + itemLine
              + " are indented " + keyIndent);
        }
        key(n, rest);
      } else {
        throw new Problem(n, "expected a list item ('- id: ...') under the service");
      }
    }

    private void service(int n, String rest) throws Problem {
      endItem(n);
      int colon = rest.indexOf(':');
      String name = colon < 0 ? "" : rest.substring(0, colon).trim();
      String after = colon < 0 ? "" : rest.substring(colon + 1).trim();
      if (name.isEmpty() || !name.matches("[A-Za-z0-9_.-]+") || !(after.isEmpty() || after.equals("[]"))) {
        throw new Problem(n, "expected a service name and a colon at the left margin (such as SFSTURBO:)");
      }
      String key = name.toUpperCase(Locale.ROOT);
      if (services.containsKey(key)) {
        throw new Problem(n, "service " + name + " is given twice (names are compared ignoring case)");
      }
      service = new ArrayList<>();
      services.put(key, service);
      itemLine = 0;
    }

    private void key(int n, String text) throws Problem {
      listOpen = false;
      int colon = text.indexOf(':');
      String key = colon < 0 ? "" : text.substring(0, colon).trim();
      String value = colon < 0 ? "" : text.substring(colon + 1).trim();
      if (key.equals("id")) {
        if (id != null) {
          throw new Problem(n, "'id' is given twice in one region");
        }
        id = scalar(value, n, "id");
        idLine = n;
      } else if (key.equals("endpoint") || key.equals("endpoints")) {
        if (endpoints == null) {
          endpoints = new ArrayList<>();
        }
        if (key.equals("endpoint")) {
          endpoints.add(0, scalar(value, n, "endpoint"));
        } else if (value.isEmpty()) {
          listOpen = true;
          listIndent = -1;
        } else {
          flowList(value, n);
        }
      } else {
        throw new Problem(n, "expected 'id:', 'endpoint:' or 'endpoints:'");
      }
    }

    private void listItem(int n, int indent, String rest) throws Problem {
      if (listIndent < 0) {
        listIndent = indent;
      } else if (indent != listIndent) {
        throw new Problem(n, "a list item indented " + indent + " spaces where the list started at " + listIndent);
      }
      endpoints.add(scalar(rest.substring(1).trim(), n, "an endpoints item"));
    }

    private void flowList(String value, int n) throws Problem {
      if (!value.startsWith("[") || !value.endsWith("]")) {
        throw new Problem(n, "'endpoints:' takes a list: [a, b] on the line, or '- a' lines below it");
      }
      String inside = value.substring(1, value.length() - 1).trim();
      if (inside.isEmpty()) {
        return;
      }
      for (String item : inside.split(",", -1)) {
        endpoints.add(scalar(item.trim(), n, "an endpoints item"));
      }
    }

    private void endItem(int n) throws Problem {
      if (itemLine > 0) {
        if (id == null) {
          throw new Problem(itemLine, "a region without 'id:'");
        }
        if (endpoints == null || endpoints.isEmpty()) {
          throw new Problem(idLine, "region " + id + " has no 'endpoint:' or 'endpoints:'");
        }
        for (Entry e : service) {
          if (e.id.equals(id)) {
            throw new Problem(idLine, "region " + id + " is given twice in this service (first on line " + e.line
                + ")");
          }
        }
        service.add(new Entry(id, endpoints, idLine));
      }
      id = null;
      endpoints = null;
      itemLine = 0;
      listOpen = false;
    }
  }

  /** A plain, single- or double-quoted scalar; no YAML feature beyond. */
  static String scalar(String text, int n, String what) throws Problem {
    if (text.isEmpty()) {
      throw new Problem(n, what + " has no value");
    }
    char first = text.charAt(0);
    if (first == '\'' || first == '"') {
      if (text.length() < 2 || text.charAt(text.length() - 1) != first) {
        throw new Problem(n, what + ": a quoted value must end with its quote on the same line");
      }
      String inner = text.substring(1, text.length() - 1);
      if (first == '\'') {
        if (inner.replace("''", "").contains("'")) {
          throw new Problem(n, what + ": a single quote inside '...' is written ''");
        }
        return inner.replace("''", "'");
      }
      if (inner.contains("\\") || inner.contains("\"")) {
        throw new Problem(n, what + ": escapes in \"...\" are not supported; use '...'");
      }
      return inner;
    }
    if ("[]{}&*!|>%@`,".indexOf(first) >= 0 || text.startsWith("- ") || text.contains(": ")) {
      throw new Problem(n, what + ": a YAML feature beyond plain and quoted values");
    }
    return text;
  }

  /** Drops a comment: {@code #} after a space, outside quotes. */
  static String stripComment(String text, int n) {
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '#' && (i == 0 || text.charAt(i - 1) == ' ')) {
        return text.substring(0, i);
      }
    }
    return text;
  }
}
