// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import okio.Source;
import org.junit.jupiter.api.Test;

/** Bodies are read up to a limit, never further, in the charset their content type names. */
class CappedBodyTest {
  private static ResponseBody body(byte[] bytes, String type) {
    return ResponseBody.create(bytes, type == null ? null : MediaType.get(type));
  }

  @Test
  void aBodyUpToTheLimitIsWholeAndOneByteMoreIsCutAtTheLimit() throws IOException {
    byte[] ten = "0123456789".getBytes(StandardCharsets.US_ASCII);
    long[][] cases = {
        // limit, expected length read, truncated (1) or not (0)
        {10, 10, 0}, {11, 10, 0}, {9, 9, 1}, {1, 1, 1}, {0, 0, 1},
    };
    for (long[] c : cases) {
      CappedBody.Result r = CappedBody.read(body(ten, "text/plain"), c[0]);
      assertEquals("0123456789".substring(0, (int) c[1]), r.text, "limit " + c[0]);
      assertEquals(c[2] == 1, r.truncated, "limit " + c[0]);
    }
    CappedBody.Result empty = CappedBody.read(body(new byte[0], null), 0);
    assertEquals("", empty.text);
    assertFalse(empty.truncated, "an empty body at a limit of zero is whole");
  }

  @Test
  void theCharsetIsTheContentTypesOrElseUtf8() throws IOException {
    byte[] latin1 = "caf\u00e9".getBytes(StandardCharsets.ISO_8859_1);
    assertEquals("caf\u00e9", CappedBody.read(body(latin1, "text/plain; charset=ISO-8859-1"), 100).text);
    byte[] utf8 = "caf\u00e9".getBytes(StandardCharsets.UTF_8);
    assertEquals("caf\u00e9", CappedBody.read(body(utf8, "application/json"), 100).text, "no charset: UTF-8");
    assertEquals("caf\u00e9", CappedBody.read(body(utf8, null), 100).text, "no content type: UTF-8");
    assertEquals("caf\u00e9", CappedBody.read(body(utf8, null), MediaType.get("text/plain; charset=utf-8"), 100).text);
  }

  @Test
  void anErrorBodyIsCappedAndClosedAndOneThatBreaksOffIsAFailureNotAnEmptyBody() throws IOException {
    AtomicBoolean closed = new AtomicBoolean();
    Buffer huge = new Buffer();
    for (int i = 0; i < CappedBody.MAX_ERROR_BODY_BYTES + 10; i++) {
      huge.writeByte('x');
    }
    Source tracked = new ForwardingSource(huge) {
      @Override
      public void close() throws IOException {
        closed.set(true);
        super.close();
      }
    };
    String read = CappedBody.readErrorAndClose(ResponseBody.create(Okio.buffer(tracked), null, -1));
    assertEquals(CappedBody.MAX_ERROR_BODY_BYTES, read.length());
    assertTrue(closed.get(), "closed");

    Source breaking = new ForwardingSource(new Buffer().writeUtf8("{\"error_")) {
      @Override
      public long read(Buffer sink, long byteCount) throws IOException {
        long n = super.read(sink, byteCount);
        if (n == -1) {
          throw new IOException("unexpected end of stream");
        }
        return n;
      }
    };
    BufferedSource source = Okio.buffer(breaking);
    IOException e = assertThrows(IOException.class,
        () -> CappedBody.readErrorAndClose(ResponseBody.create(source, null, -1)));
    assertEquals("unexpected end of stream", e.getMessage());
  }
}
