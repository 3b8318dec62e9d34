// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code NO_PROXY} as curl documents it ({@code CURLOPT_NOPROXY}, the curl man page's ENVIRONMENT). */
class NoProxyRulesTest {
  private static boolean direct(String list, String host) {
    return NoProxyRules.parse(list).matches(host);
  }

  @Test
  void aNameMatchesItselfAndItsSubdomainsButNotAnotherNameEndingTheSame() {
    assertTrue(direct("ample.com", "ample.com"));
    assertTrue(direct("ample.com", "www.ample.com"));
    assertTrue(direct("ample.com", "a.b.ample.com"));
    assertFalse(direct("ample.com", "www.example.com"));
    assertFalse(direct("ample.com", "example.com"));
    assertFalse(direct("ample.com", "ample.com.org"));
    assertFalse(direct("www.ample.com", "ample.com"));
  }

  @Test
  void aLeadingDotIsADomainAndMatchesTheDomainItselfToo() {
    assertTrue(direct(".example.com", "www.example.com"));
    assertTrue(direct(".example.com", "example.com"));
    assertFalse(direct(".example.com", "nonexample.com"));
  }

  @Test
  void matchingIgnoresCaseAndTrailingDots() {
    assertTrue(direct("Example.COM", "www.example.com"));
    assertTrue(direct("example.com.", "example.com"));
    assertTrue(direct("example.com", "www.example.com."));
  }

  @Test
  void onlyAWholeAsteriskMatchesEveryHost() {
    assertTrue(direct("*", "anything.example"));
    assertTrue(direct("*", "10.1.2.3"));
    assertFalse(direct("*.example.com", "www.example.com"), "no other wildcard");
    assertFalse(direct("a.com,*", "b.com"), "an asterisk among names is not the wildcard (as curl)");
  }

  @Test
  void entriesAreCommaSeparatedWithBlanksIgnoredAndEmptyOnesSkipped() {
    assertTrue(direct(" a.com ,\tb.com ,, c.com", "b.com"));
    assertTrue(direct(" a.com ,\tb.com ,, c.com", "x.c.com"));
    assertFalse(direct(",,", "a.com"));
    assertFalse(direct("", "a.com"));
    assertFalse(direct(null, "a.com"));
    assertTrue(NoProxyRules.parse("").isEmpty());
  }

  @Test
  void theTargetsPortDoesNotMatterAndAnEntryWithAPortMatchesNothing() {
    // The rules compare hosts: a URL's port is not part of what they see.
    assertTrue(direct("ample.com", "ample.com"));
    assertFalse(direct("ample.com:80", "ample.com"));
    assertFalse(direct("127.0.0.1:8080", "127.0.0.1"));
  }

  @Test
  void anAddressMatchesItselfOrACidrRangeAndNeverAName() {
    assertTrue(direct("192.168.1.10", "192.168.1.10"));
    assertFalse(direct("192.168.1.10", "192.168.1.11"));
    assertTrue(direct("192.168.0.0/16", "192.168.200.3"));
    assertFalse(direct("192.168.0.0/16", "192.169.0.1"));
    assertTrue(direct("10.0.0.0/8", "10.255.0.1"));
    assertTrue(direct("10.1.2.3/0", "10.1.2.3"), "/0 compares the whole address, as curl");
    assertFalse(direct("10.1.2.3/0", "10.1.2.4"));
    assertFalse(direct("10.0.0.0/33", "10.0.0.1"), "more bits than the address has");
    assertFalse(direct("localhost", "127.0.0.1"), "names are never resolved");
    assertFalse(direct("127.0.0.1", "localhost"));
    assertFalse(direct("1.0.0.127", "127.0.0.1"), "no suffix matching of addresses");
  }

  @Test
  void ipv6EntriesAreWrittenWithoutBracketsAndMatchBracketedHosts() {
    assertTrue(direct("::1", "[::1]"));
    assertTrue(direct("::1", "::1"));
    assertTrue(direct("example.com,::1,localhost", "[0:0:0:0:0:0:0:1]"));
    assertTrue(direct("fd00::/8", "[fd12:3456::1]"));
    assertFalse(direct("fd00::/8", "[fe80::1]"));
    assertFalse(direct("::1", "127.0.0.1"), "another family");
  }

  @Test
  void anEmptyHostMatchesNothing() {
    assertFalse(direct("*", ""));
    assertFalse(direct("*", null));
  }
}
