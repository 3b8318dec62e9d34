// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.auth;

import io.sfsturbo.jobs.testing.Envs;
import static io.sfsturbo.jobs.testing.SecretAssertions.CANARY;
import static io.sfsturbo.jobs.testing.SecretAssertions.assertNoPartOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sfsturbo.jobs.errors.CredentialsException;
import java.util.LinkedList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenCredentialsTest {
  final Request request = new Request.Builder().url("https://sfs-turbo.eu-de.otc.t-systems.com/v1/p/sfs-turbo/jobs/j")
      .build();

  /** Tokens with a character that cannot be sent: CR, LF, NUL, DEL, a non-ASCII letter, a tab inside. */
  @ParameterizedTest
  @ValueSource(strings = {CANARY + "\rX", CANARY + "\nX", CANARY + "\u0000", CANARY + "\u007f",
      "CANARY-\u00e9-SECRET-7f3a", "CANARY-SECRET\t7f3a"})
  void aFixedTokenThatCannotBeSentIsRefusedWithoutShowingIt(String token) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TokenCredentials.of(token));
    assertTrue(e.getMessage().startsWith("the token from TokenCredentials.of(token) contains "), e.getMessage());
    assertTrue(e.getMessage().contains("printable ASCII"), e.getMessage());
    assertNoPartOf(token, e);
  }

  @Test
  void surroundingWhitespaceIsTrimmedBeforeSending() {
    assertEquals(CANARY, TokenCredentials.of("  " + CANARY + "\r\n").resolveIdentity().token());
    assertEquals(CANARY, TokenCredentials.fromSupplier(() -> "\t" + CANARY + "\r\n").resolveIdentity().token());
  }

  @Test
  void nullOrBlankFixedTokensAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> TokenCredentials.of(null));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> TokenCredentials.of("\r\n")).getMessage()
        .contains("blank"));
  }

  @Test
  void theSuppliersAnswerIsCheckedOnEveryCall() {
    // A LinkedList, for it holds the null answer.
    Deque<String> answers = new LinkedList<>(Arrays.asList("good-1", CANARY + "\r\nX-Injected: 1", null, " ",
        "CANARY-\u00e9-SECRET-7f3a", "good-2"));
    TokenCredentials creds = TokenCredentials.fromSupplier(answers::poll);
    assertEquals("good-1", creds.resolveIdentity().token());
    for (String bad : new String[] {CANARY + "\r\nX-Injected: 1", null, " ", "CANARY-\u00e9-SECRET-7f3a"}) {
      CredentialsException e = assertThrows(CredentialsException.class, () -> creds.resolveIdentity(),
          String.valueOf(bad));
      assertTrue(e.getMessage().startsWith("the token from the token supplier of TokenCredentials "), e.getMessage());
      if (bad != null) {
        assertNoPartOf(bad, e);
      }
    }
    assertEquals("good-2", creds.resolveIdentity().token(), "a good answer works again");
  }

  @Test
  void aSuppliersOwnFailureIsNotRetyped() {
    IllegalArgumentException own = new IllegalArgumentException("the vault said no");
    TokenCredentials creds = TokenCredentials.fromSupplier(() -> {
      throw own;
    });
    assertSame(own, assertThrows(IllegalArgumentException.class, () -> creds.resolveIdentity()));
  }

  @Test
  void environmentTokenIsTrimmedAndABadOneNamesTheVariable() {
    Map<String, String> env = new HashMap<>();
    env.put("SFSTURBO_AUTH_TOKEN", CANARY + "\r\n");
    assertEquals(CANARY, DefaultCredentialsChain.resolve(Envs.of(env)).resolveIdentity().token());
    String bad = "CANARY-SECRET\u00e97f3a";
    env.put("SFSTURBO_AUTH_TOKEN", bad);
    CredentialsException e = assertThrows(CredentialsException.class, () -> DefaultCredentialsChain.resolve(Envs.of(env)));
    assertTrue(e.getMessage().startsWith("the token from the environment variable SFSTURBO_AUTH_TOKEN contains "
        + "non-ASCII U+00E9 at index 13"), e.getMessage());
    assertNoPartOf(bad, e);
  }

  @Test
  void aFixedTokenIsOneIdentityAndShowsNoSecret() {
    TokenCredentials creds = TokenCredentials.of("tok");
    assertSame(creds.resolveIdentity(), creds.resolveIdentity());
    assertEquals("Identity{token=***}", creds.resolveIdentity().toString());
  }
}
