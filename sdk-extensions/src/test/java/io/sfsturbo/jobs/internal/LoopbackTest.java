// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Loopback is decided from the text: literals and {@code localhost}, never a lookup. */
class LoopbackTest {
  @Test
  void loopbackLiteralsAndLocalhostAreLoopback() {
    for (String host : new String[] {"localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "::1", "[::1]",
        "0:0:0:0:0:0:0:1"}) {
      assertTrue(Loopback.isLoopbackHost(host), host);
    }
  }

  @Test
  void otherHostsAndNamesThatMerelyLookLocalAreNot() {
    for (String host : new String[] {"example.com", "localhost.example.com", "127.0.0.1.example.com", "10.0.0.1",
        "128.0.0.1", "::2", "0.0.0.0", "", "256.0.0.1", "127.0.0.256"}) {
      assertFalse(Loopback.isLoopbackHost(host), host);
    }
    assertFalse(Loopback.isLoopbackHost(null));
  }

  @Test
  void aLiteralIsParsedWithoutALookupAndANameIsNotALiteral() {
    assertNull(Loopback.literal("999.1.1.1"), "out of range: no DNS lookup of it as a name");
    assertNull(Loopback.literal("example.com"));
    assertNull(Loopback.literal("1:2:3"), "not an IPv6 address");
  }
}
