// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A simulated terminal for tests: interprets what the progress board writes (text, line feed, carriage
 * return, {@code ESC[2K} erase line, {@code ESC[1A} cursor up) into the lines a person would see, and
 * fails on any other control character, so a stray sequence is caught rather than ignored. With a height,
 * lines scroll off its top, and a cursor up from the top row fails: a real terminal would stay on that row,
 * and whatever was to be erased above it would stay on screen as garbage.
 */
final class Screen {
  private final List<StringBuilder> lines = new ArrayList<>();
  private final int height;
  /** The first row on screen: the ones above have scrolled off. */
  private int top;
  private int row;
  private int col;

  Screen() {
    this(Integer.MAX_VALUE);
  }

  Screen(int height) {
    this.height = height;
    lines.add(new StringBuilder());
  }

  Screen feed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        row++;
        col = 0;
        if (row == lines.size()) {
          lines.add(new StringBuilder());
        }
        if (row - top >= height) {
          top = row - height + 1;
        }
      } else if (c == '\r') {
        col = 0;
      } else if (c == '\u001b') {
        if (s.startsWith("\u001b[2K", i)) {
          lines.get(row).setLength(0);
          i += 3;
        } else if (s.startsWith("\u001b[1A", i)) {
          if (row == top) {
            throw new AssertionError(top == 0 ? "cursor up above the first line"
                : "cursor up from the top of a " + height + "-row screen: the lines above scrolled off for good");
          }
          row--;
          i += 3;
        } else {
          throw new AssertionError("unexpected escape sequence at " + i + ": " + s.substring(i, Math.min(s.length(), i + 8)));
        }
      } else if (c < 0x20 || c == 0x7f) {
        throw new AssertionError("unexpected control character " + (int) c);
      } else {
        StringBuilder line = lines.get(row);
        while (line.length() < col) {
          line.append(' ');
        }
        if (col < line.length()) {
          line.setCharAt(col, c);
        } else {
          line.append(c);
        }
        col++;
      }
    }
    return this;
  }

  /** The visible lines, trailing empty lines removed. */
  List<String> lines() {
    List<String> out = new ArrayList<>();
    for (StringBuilder l : lines) {
      out.add(l.toString());
    }
    while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  /** The lines on screen (at most its height), trailing empty lines removed. */
  List<String> visible() {
    List<String> all = lines();
    return all.subList(Math.min(top, all.size()), all.size());
  }

  /** The line the cursor is on. */
  String cursorLine() {
    return lines.get(row).toString();
  }
}
