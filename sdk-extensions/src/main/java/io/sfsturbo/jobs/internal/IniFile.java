// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A small INI reader for credentials files: {@code [section]} headers, {@code key = value} lines (also
 * {@code key: value}), {@code #} and {@code ;} comment lines, blank lines. Section and key names are case
 * insensitive; values are trimmed.
 *
 * <p>The file holds secrets, so a problem is reported as a {@link Problem} naming the file and the line
 * number, never the line's content. The file is read by {@link BoundedFile}: a wrong path such as a log,
 * {@code /dev/zero} or a pipe is refused at once, without exhausting memory or blocking.
 */
public final class IniFile {
  /** Credentials files are a few hundred bytes. */
  public static final int MAX_BYTES = 64 * 1024;

  private final Map<String, Map<String, Entry>> sections;

  private IniFile(Map<String, Map<String, Entry>> sections) {
    this.sections = sections;
  }

  /** A value and the line it came from, so that a check of the value can point at the line. */
  public static final class Entry {
    /** The trimmed value. */
    public final String value;
    /** Its line number, from 1. */
    public final int line;

    Entry(String value, int line) {
      this.value = value;
      this.line = line;
    }
  }

  /** A file that cannot be read or parsed; the message names the file and line, not the content. */
  public static final class Problem extends Exception {
    private static final long serialVersionUID = 1L;

    Problem(String message) {
      super(message);
    }
  }

  /**
   * Reads and parses a file.
   *
   * @param file the file
   * @return the parsed file
   * @throws Problem when it is not a regular file, cannot be read, is too large, is not UTF-8 or has a line
   *     that is not INI
   * @throws IOException when the file does not exist (as {@link java.nio.file.NoSuchFileException})
   */
  public static IniFile read(Path file) throws Problem, IOException {
    try {
      return parse(BoundedFile.readUtf8(file, MAX_BYTES), file.toString());
    } catch (BoundedFile.Refused e) {
      if (e.missing()) {
        throw new java.nio.file.NoSuchFileException(file.toString());
      }
      throw new Problem(file + ": " + e.getMessage());
    }
  }

  /**
   * Parses INI text.
   *
   * @param text the text
   * @param source names the text in messages, usually the file
   * @return the parsed text
   * @throws Problem for a line that is neither a section, a key and value, a comment nor blank, a key
   *     outside any section, or a key given twice in a section
   */
  public static IniFile parse(String text, String source) throws Problem {
    Map<String, Map<String, Entry>> sections = new HashMap<>();
    Map<String, Entry> current = null;
    String body = text.startsWith("\ufeff") ? text.substring(1) : text;
    String[] lines = body.split("\r\n|\n|\r", -1);
    int lastKeyLine = 0;
    for (int i = 0; i < lines.length; i++) {
      int number = i + 1;
      String line = lines[i].trim();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[")) {
        if (!line.endsWith("]") || line.length() < 3) {
          throw new Problem(source + " line " + number + ": a section header must look like [basic]");
        }
        String name = line.substring(1, line.length() - 1).trim().toLowerCase(Locale.ROOT);
        current = sections.computeIfAbsent(name, k -> new HashMap<>());
        lastKeyLine = 0;
        continue;
      }
      int eq = separator(line);
      // A line right after a key that is not one itself is most likely the rest of that key's value, wrapped
      // by an editor or a copy: saying so saves a search; the line itself is never shown (it may be a secret).
      String wrapped = lastKeyLine == number - 1 ? " (if it is the rest of the value on line " + lastKeyLine
          + ", wrapped, put the whole value on line " + lastKeyLine + ")" : "";
      if (eq <= 0) {
        throw new Problem(source + " line " + number + ": expected 'key = value', a [section] or a # comment"
            + wrapped);
      }
      String key = line.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      if (!key.matches("[a-z0-9_.-]+")) {
        throw new Problem(source + " line " + number + ": what stands before the '" + line.charAt(eq) + "' is not a "
            + "key name (letters, digits, '_', '.', '-')" + wrapped);
      }
      if (current == null) {
        throw new Problem(source + " line " + number + ": a key before any [section]");
      }
      if (current.containsKey(key)) {
        // Which one would win is a guess either way; for credentials a guess is worse than an error. The key is
        // not named: a secret on a line of its own, wrapped or pasted, can read as a key.
        throw new Problem(source + " line " + number + ": the key of this line is given twice in its section "
            + "(first on line " + current.get(key).line + ")");
      }
      current.put(key, new Entry(line.substring(eq + 1).trim(), number));
      lastKeyLine = number;
    }
    return new IniFile(sections);
  }

  private static int separator(String line) {
    int eq = line.indexOf('=');
    int colon = line.indexOf(':');
    if (eq < 0) {
      return colon;
    }
    return colon < 0 ? eq : Math.min(eq, colon);
  }

  /**
   * Returns a section's entries.
   *
   * @param name the section, any case
   * @return its keys (lower case) and entries; empty when there is no such section
   */
  public Map<String, Entry> section(String name) {
    Map<String, Entry> s = sections.get(name.toLowerCase(Locale.ROOT));
    return s == null ? Collections.<String, Entry>emptyMap() : Collections.unmodifiableMap(s);
  }
}
