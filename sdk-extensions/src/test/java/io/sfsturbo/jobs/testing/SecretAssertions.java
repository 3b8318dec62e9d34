// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** Checks that no message of an exception, or of its causes and suppressed ones, shows a secret. */
public final class SecretAssertions {
  /**
   * Distinctive canaries: none of their 4-character pieces occurs in the SDK's own wording, so
   * that finding one in a message means the value leaked.
   */
  public static final String CANARY = "CANARY-SECRET-7f3a";

  private SecretAssertions() {}

  /**
   * Fails when any message in the exception's chain contains the secret or any 4-character piece
   * of it (ignoring pieces that are only whitespace or control characters, which say nothing).
   */
  public static void assertNoPartOf(String secret, Throwable thrown) {
    if (thrown == null) {
      fail("expected an exception");
    }
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    check(secret, thrown, seen);
  }

  private static void check(String secret, Throwable t, Set<Throwable> seen) {
    if (t == null || !seen.add(t)) {
      return;
    }
    String message = String.valueOf(t.getMessage()) + " " + t;
    for (int i = 0; i + 4 <= secret.length(); i++) {
      String piece = secret.substring(i, i + 4);
      if (piece.trim().length() < 2) {
        continue;
      }
      assertFalse(message.contains(piece), () -> "the message shows '" + piece + "' of the secret: " + message);
    }
    check(secret, t.getCause(), seen);
    for (Throwable s : t.getSuppressed()) {
      check(secret, s, seen);
    }
  }
}
