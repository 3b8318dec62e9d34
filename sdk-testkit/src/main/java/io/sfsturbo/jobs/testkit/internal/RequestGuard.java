// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testkit.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The input of one connection as MockWebServer reads it, one HTTP/1.1 request after another, with the bounds of
 * {@link RequestLimits}. A request's line and headers are gathered here first (at most {@code maxHeadBytes}) and
 * handed on only once complete and acceptable, followed by exactly its {@code Content-Length} of body; a refused
 * request is replaced by a stand-in, after which the connection reads as ended. So MockWebServer, which itself
 * holds whatever a request sends, never sees more than the bounds.
 *
 * <p>The head is judged with MockWebServer's own reading of it (a {@code content-length:} line, a
 * {@code transfer-encoding:} line), so that both agree where one request ends and the next begins.
 */
final class RequestGuard extends InputStream {
  private enum State { HEAD, SERVE_HEAD, BODY, STAND_IN, ENDED }

  /** The first byte of a TLS record that carries a handshake message. */
  private static final byte TLS_HANDSHAKE_RECORD = 0x16;

  private final InputStream raw;
  private final RequestLimits limits;
  /** Bytes read from the connection and not yet looked at: the head is read in chunks, and may read past its end. */
  private final byte[] ahead = new byte[8192];
  private int aheadPos;
  private int aheadLen;
  private final byte[] head;
  private int headLen;
  private int lineLen;
  private int served;
  private long bodyLeft;
  private byte[] standIn;
  private State state = State.HEAD;
  private volatile boolean refused;

  RequestGuard(InputStream raw, RequestLimits limits) {
    this.raw = raw;
    this.limits = limits;
    this.head = new byte[limits.maxHeadBytes];
  }

  /** Whether a request was refused: the client may still be sending it. */
  boolean refused() {
    return refused;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (true) {
      switch (state) {
        case ENDED:
          return -1;
        case STAND_IN:
          return serve(standIn, b, off, len, State.ENDED);
        case SERVE_HEAD:
          return serve(head, b, off, len, bodyLeft > 0 ? State.BODY : State.HEAD);
        case BODY:
          return body(b, off, len);
        default:
          if (!gatherHead()) {
            return -1;
          }
      }
    }
  }

  /** Copies from a buffer being served (the head, a stand-in); moves on once it is all out. */
  private int serve(byte[] from, byte[] b, int off, int len, State next) {
    int limit = from == head ? headLen : from.length;
    int n = Math.min(len, limit - served);
    System.arraycopy(from, served, b, off, n);
    served += n;
    if (served == limit) {
      served = 0;
      headLen = from == head ? 0 : headLen;
      state = next;
    }
    return n;
  }

  private int body(byte[] b, int off, int len) throws IOException {
    int want = (int) Math.min(len, bodyLeft);
    int n;
    if (aheadPos < aheadLen) {
      n = Math.min(want, aheadLen - aheadPos);
      System.arraycopy(ahead, aheadPos, b, off, n);
      aheadPos += n;
    } else {
      n = raw.read(b, off, want);
      if (n < 0) {
        return -1;
      }
    }
    bodyLeft -= n;
    if (bodyLeft == 0) {
      state = State.HEAD;
    }
    return n;
  }

  /**
   * Reads until the head's empty line, the bound, or the end of the connection; then decides. Returns false when
   * the connection ended between requests.
   */
  private boolean gatherHead() throws IOException {
    while (true) {
      if (aheadPos == aheadLen) {
        int n = raw.read(ahead, 0, ahead.length);
        if (n < 0) {
          if (headLen == 0) {
            return false;
          }
          // Ended within a head: hand over what came, and MockWebServer sees a request cut short.
          state = State.SERVE_HEAD;
          bodyLeft = 0;
          return true;
        }
        aheadPos = 0;
        aheadLen = n;
      }
      while (aheadPos < aheadLen) {
        byte c = ahead[aheadPos++];
        if (headLen == 0 && c == TLS_HANDSHAKE_RECORD) {
          // No request line starts so; a ClientHello has no line end to wait for.
          refuse(RequestLimits.Refusal.TLS_HANDSHAKE);
          return true;
        }
        if (headLen == head.length) {
          refuse(RequestLimits.Refusal.HEAD_TOO_LARGE);
          return true;
        }
        head[headLen++] = c;
        if (c == '\n') {
          if (lineLen == 0) {
            decide();
            return true;
          }
          lineLen = 0;
        } else if (c != '\r') {
          lineLen++;
        }
      }
    }
  }

  /** The head is complete: hand it over with its body, or refuse it. */
  private void decide() {
    String[] lines = new String(head, 0, headLen, StandardCharsets.ISO_8859_1).split("\r?\n");
    String method = lines.length == 0 ? "" : lines[0].split(" ", 2)[0];
    long length = -1;
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i].toLowerCase(Locale.US);
      int colon = line.indexOf(':');
      String name = colon < 0 ? line : line.substring(0, colon);
      if (name.equals("transfer-encoding")) {
        refuse(RequestLimits.Refusal.LENGTH_REQUIRED);
        return;
      }
      if (name.equals("content-length")) {
        String value = line.substring(colon + 1).trim();
        if (!value.matches("\\d{1,18}") || length >= 0 && length != Long.parseLong(value)) {
          refuse(RequestLimits.Refusal.BAD_FRAMING);
          return;
        }
        length = Long.parseLong(value);
      } else if (name.trim().equals("content-length") || name.trim().equals("transfer-encoding")) {
        // Whitespace before the colon: MockWebServer would not see the header, the client meant it (RFC 9112 5.1).
        refuse(RequestLimits.Refusal.BAD_FRAMING);
        return;
      }
    }
    if (length > limits.maxBodyBytes) {
      refuse(RequestLimits.Refusal.BODY_TOO_LARGE);
      return;
    }
    if (length > 0 && (method.equals("GET") || method.equals("HEAD"))) {
      // MockWebServer fails such a request with an exception it logs as a crash.
      refuse(RequestLimits.Refusal.BAD_FRAMING);
      return;
    }
    bodyLeft = Math.max(0, length);
    lineLen = 0;
    served = 0;
    state = State.SERVE_HEAD;
  }

  private void refuse(RequestLimits.Refusal refusal) {
    refused = true;
    standIn = limits.standIn(refusal);
    served = 0;
    headLen = 0;
    state = State.STAND_IN;
  }

  @Override
  public void close() throws IOException {
    raw.close();
  }
}
