// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.sfsturbo.jobs.text.SafeText;
import java.math.BigDecimal;

/**
 * Parses a file a person wrote (the jobs file of {@code emulate --jobs}) as strict JSON, RFC 8259, and says where it
 * is broken in that person's terms: {@code line 3 column 14: expected ',' or '}' after a member}, never a parser
 * library's exception, class names or links. A key given twice in one object is refused rather than read either
 * way, and nesting is bounded so that no file can overflow the stack.
 */
final class JsonText {
  /** Far deeper than a jobs file goes (four levels), far shallower than a stack overflow. */
  static final int MAX_DEPTH = 64;

  /** Where and why a text is not JSON: {@code line 3 column 14: unterminated string}. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  private final String text;
  private int pos;

  private JsonText(String text) {
    this.text = text;
  }

  static JsonElement parse(String text) throws Malformed {
    JsonText p = new JsonText(text);
    p.skipSpace();
    JsonElement root = p.value(0);
    p.skipSpace();
    if (p.pos < text.length()) {
      throw p.malformed("text after the end of the document");
    }
    return root;
  }

  private JsonElement value(int depth) throws Malformed {
    if (depth > MAX_DEPTH) {
      throw malformed("nested deeper than " + MAX_DEPTH + " levels");
    }
    if (pos >= text.length()) {
      throw malformed("unexpected end of the file; expected a value");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return new JsonPrimitive(string());
      case 't':
        return literal("true", new JsonPrimitive(true));
      case 'f':
        return literal("false", new JsonPrimitive(false));
      case 'n':
        return literal("null", JsonNull.INSTANCE);
      default:
        if (c == '-' || c >= '0' && c <= '9') {
          return number();
        }
        throw malformed("expected a value, found " + shown(pos));
    }
  }

  private JsonObject object(int depth) throws Malformed {
    JsonObject o = new JsonObject();
    pos++;
    skipSpace();
    if (peek() == '}') {
      pos++;
      return o;
    }
    while (true) {
      if (peek() != '"') {
        throw malformed("expected a member name in double quotes, found " + shown(pos));
      }
      int keyAt = pos;
      String key = string();
      if (o.has(key)) {
        pos = keyAt;
        throw malformed("\"" + SafeText.capped(key, 60) + "\" is given twice in one object");
      }
      skipSpace();
      if (peek() != ':') {
        throw malformed("expected ':' after a member name, found " + shown(pos));
      }
      pos++;
      skipSpace();
      o.add(key, value(depth + 1));
      skipSpace();
      char c = peek();
      pos++;
      if (c == '}') {
        return o;
      }
      if (c != ',') {
        pos--;
        throw malformed("expected ',' or '}' after a member, found " + shown(pos));
      }
      skipSpace();
    }
  }

  private JsonArray array(int depth) throws Malformed {
    JsonArray a = new JsonArray();
    pos++;
    skipSpace();
    if (peek() == ']') {
      pos++;
      return a;
    }
    while (true) {
      a.add(value(depth + 1));
      skipSpace();
      char c = peek();
      pos++;
      if (c == ']') {
        return a;
      }
      if (c != ',') {
        pos--;
        throw malformed("expected ',' or ']' after an element, found " + shown(pos));
      }
      skipSpace();
    }
  }

  private String string() throws Malformed {
    int start = pos;
    pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        pos = start;
        throw malformed("unterminated string");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        return sb.toString();
      }
      if (c < 0x20) {
        throw malformed("a control character inside a string (a line break?); write it escaped, as \\n");
      }
      if (c != '\\') {
        sb.append(c);
        pos++;
        continue;
      }
      if (pos + 1 >= text.length()) {
        pos = start;
        throw malformed("unterminated string");
      }
      char e = text.charAt(pos + 1);
      int simple = "\"\\/bfnrt".indexOf(e);
      if (simple >= 0) {
        sb.append("\"\\/\b\f\n\r\t".charAt(simple));
        pos += 2;
      } else if (e == 'u' && pos + 6 <= text.length() && isHex(pos + 2, pos + 6)) {
        sb.append((char) Integer.parseInt(text.substring(pos + 2, pos + 6), 16));
        pos += 6;
      } else {
        throw malformed("a bad escape in a string; JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX");
      }
    }
  }

  private JsonPrimitive number() throws Malformed {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
      if (isDigit(peek())) {
        throw malformed("a number must not start with 0 (write 7, not 07)");
      }
    } else if (isDigit(peek())) {
      digits();
    } else {
      throw malformed("a number needs a digit after '-'");
    }
    if (peek() == '.') {
      pos++;
      if (!isDigit(peek())) {
        throw malformed("a number needs a digit after '.'");
      }
      digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!isDigit(peek())) {
        throw malformed("a number needs a digit in its exponent");
      }
      digits();
    }
    try {
      return new JsonPrimitive(new BigDecimal(text.substring(start, pos)));
    } catch (NumberFormatException | ArithmeticException e) {
      pos = start;
      throw malformed("a number out of range");
    }
  }

  private JsonElement literal(String word, JsonElement value) throws Malformed {
    if (!text.startsWith(word, pos)) {
      throw malformed("expected a value, found " + shown(pos) + " (strings need double quotes)");
    }
    pos += word.length();
    return value;
  }

  private void digits() {
    while (isDigit(peek())) {
      pos++;
    }
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private boolean isHex(int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.digit(text.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private void skipSpace() {
    while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
  }

  /** The character at an index as a message shows it, or "the end of the file". */
  private String shown(int at) {
    if (at >= text.length()) {
      return "the end of the file";
    }
    int cp = text.codePointAt(at);
    return "'" + SafeText.escape(new String(Character.toChars(cp))) + "'";
  }

  /** Line and column (from 1, in characters) of the current position. */
  private Malformed malformed(String what) {
    int line = 1;
    int lineStart = 0;
    int end = Math.min(pos, text.length());
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
        line++;
        lineStart = i + 1;
      }
    }
    int column = text.codePointCount(lineStart, end) + 1;
    return new Malformed("line " + line + " column " + column + ": " + what);
  }
}
