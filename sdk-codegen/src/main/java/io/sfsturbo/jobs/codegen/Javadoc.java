// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.codegen;

/**
 * Makes the spec's texts safe inside a Javadoc comment: a description may hold {@code *}{@code /},
 * which would end the comment and break the build, or HTML and {@code @} that Javadoc would read as
 * markup and tags.
 */
final class Javadoc {
  private Javadoc() {}

  /** Escapes text for Javadoc, keeping its line breaks as comment lines. */
  static String text(String s) {
    return html(s.trim()).replace("\n", "\n   * ");
  }

  /** Escapes the characters that Javadoc or the comment itself would interpret. */
  static String html(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&':
          sb.append("&amp;");
          break;
        case '<':
          sb.append("&lt;");
          break;
        case '>':
          sb.append("&gt;");
          break;
        case '@':
          sb.append("&#64;");
          break;
        case '/':
          // "*" followed by "/" would end the comment.
          sb.append(i > 0 && s.charAt(i - 1) == '*' ? "&#47;" : "/");
          break;
        case '\\':
          // A backslash-u sequence in a comment is still a Unicode escape to javac.
          sb.append("&#92;");
          break;
        default:
          sb.append(c < 0x20 && c != '\n' ? ' ' : c);
      }
    }
    return sb.toString();
  }
}
