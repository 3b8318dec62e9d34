// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import io.sfsturbo.jobs.text.SafeText;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Prints a stack trace (for {@code --verbose}) like {@link Throwable#printStackTrace}, but with every
 * message escaped: messages quote server text, and a trace must not reach the terminal raw either.
 * Indents with spaces rather than tabs, so the output holds no control character but the line break.
 */
final class StackTraces {
  private StackTraces() {}

  static void print(Throwable t, PrintWriter err) {
    print(t, "", "", err, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static void print(Throwable t, String caption, String indent, PrintWriter err, Set<Throwable> seen) {
    if (!seen.add(t)) {
      err.println(indent + caption + "[CIRCULAR REFERENCE: " + text(t) + "]");
      return;
    }
    err.println(indent + caption + text(t));
    for (StackTraceElement frame : t.getStackTrace()) {
      err.println(indent + "    at " + SafeText.escape(frame.toString()));
    }
    for (Throwable suppressed : t.getSuppressed()) {
      print(suppressed, "Suppressed: ", indent + "    ", err, seen);
    }
    if (t.getCause() != null) {
      print(t.getCause(), "Caused by: ", indent, err, seen);
    }
  }

  private static String text(Throwable t) {
    return SafeText.capped(t.toString(), SfsTurboJobsCli.ERROR_TEXT_LIMIT);
  }
}
