// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The gate before binding: one strict value, no duplicate key anywhere, a bounded depth; the place named. */
class StrictJsonTest {
  @Test
  void aJobDocumentPasses() {
    assertNull(StrictJson.problem("{\"job_id\":\"j\",\"status\":\"success\",\"sub_jobs\":[{\"job_id\":\"a\"},"
        + "{\"job_id\":\"b\"}],\"n\":-1.5e3,\"t\":true,\"z\":null}"));
  }

  @Test
  void aDuplicateKeyIsNamedWithTheObjectThatHoldsIt() {
    assertEquals("the response body has the key 'status' twice in $, so its meaning is ambiguous",
        StrictJson.problem("{\"status\":\"failed\",\"status\":\"success\"}"));
    assertEquals("the response body has the key 'job_id' twice in $.sub_jobs[1], so its meaning is ambiguous",
        StrictJson.problem("{\"sub_jobs\":[{\"job_id\":\"a\"},{\"job_id\":\"b\",\"job_id\":\"c\"}]}"));
    assertEquals("the response body has the key 'x' twice in $.a.b, so its meaning is ambiguous",
        StrictJson.problem("{\"a.b\":1,\"a\":{\"b\":{\"x\":1,\"x\":2}}}"));
  }

  @Test
  void equalKeysInDifferentObjectsAreNotDuplicates() {
    assertNull(StrictJson.problem("{\"job_id\":\"j\",\"sub_jobs\":[{\"job_id\":\"a\"},{\"job_id\":\"a\"}]}"));
  }

  @Test
  void lenientSyntaxTrailingValuesAndDeepNestingAreRefused() {
    assertTrue(StrictJson.problem("{'job_id':'j'}").startsWith("the response body is not valid JSON"));
    assertTrue(StrictJson.problem("{\"a\":1,}").startsWith("the response body is not valid JSON"));
    assertTrue(StrictJson.problem("{} {}").startsWith("the response body is not valid JSON"));
    StringBuilder deep = new StringBuilder();
    for (int i = 0; i <= StrictJson.MAX_DEPTH + 1; i++) {
      deep.append('[');
    }
    assertEquals("the response body nests deeper than " + StrictJson.MAX_DEPTH + " levels",
        StrictJson.problem(deep.toString()));
  }
}
