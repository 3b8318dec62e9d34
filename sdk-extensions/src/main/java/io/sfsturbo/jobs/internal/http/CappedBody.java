// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Reads response bodies with a size limit, counted after decompression (OkHttp inflates gzip
 * transparently, so a small compressed body can inflate without bound): nothing is ever read
 * past the limit, whatever Content-Length says or does not say.
 */
public final class CappedBody {
  /** The most bytes of an error body that are read: error bodies are a few hundred bytes. */
  public static final int MAX_ERROR_BODY_BYTES = 64 * 1024;

  private CappedBody() {}

  /** A body read up to a limit: its text and whether more followed. */
  public static final class Result {
    /** The text read. */
    public final String text;
    /** Whether the body went on past the limit (and was not read further). */
    public final boolean truncated;

    Result(String text, boolean truncated) {
      this.text = text;
      this.truncated = truncated;
    }
  }

  /**
   * Reads at most {@code limit} bytes of a body; never buffers more than {@code limit + 1}.
   *
   * @param body the body (not closed here)
   * @param limit the most bytes to read
   * @return the text and whether the body was longer
   * @throws IOException when reading fails
   */
  public static Result read(ResponseBody body, long limit) throws IOException {
    return read(body, body.contentType(), limit);
  }

  /**
   * Reads at most {@code limit} bytes of a body whose content type the caller already has.
   *
   * @param body the body (not closed here)
   * @param contentType its content type (gives the charset), or null for UTF-8
   * @param limit the most bytes to read
   * @return the text and whether the body was longer
   * @throws IOException when reading fails
   */
  public static Result read(ResponseBody body, MediaType contentType, long limit) throws IOException {
    BufferedSource source = body.source();
    boolean more = source.request(limit + 1);
    long n = more ? limit : source.getBuffer().size();
    return new Result(source.readString(n, charset(contentType)), more);
  }

  /**
   * Reads an error body up to {@link #MAX_ERROR_BODY_BYTES} and closes it. A body that breaks off
   * or stalls is not an empty body: the failure is thrown, so that the caller treats it as the
   * exchange's failure (a transport failure, or the attempt's timeout), as for a 2xx body.
   *
   * @param body the body
   * @return what was read, at most the limit
   * @throws IOException when reading fails
   */
  public static String readErrorAndClose(ResponseBody body) throws IOException {
    try (ResponseBody b = body) {
      return read(b, MAX_ERROR_BODY_BYTES).text;
    }
  }

  private static Charset charset(MediaType type) {
    Charset c = type == null ? null : type.charset(null);
    return c == null ? StandardCharsets.UTF_8 : c;
  }
}
