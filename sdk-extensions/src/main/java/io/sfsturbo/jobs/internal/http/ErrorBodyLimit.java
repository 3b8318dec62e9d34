// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Cuts the body of every non-2xx response to {@link Bodies#MAX_ERROR_BODY_BYTES} before anything
 * above reads it. Retrofit buffers an error body whole, and a redirect's or an error's body is
 * never needed beyond its first bytes: without this cut a 200 MB error page (or one that never
 * ends) would be read into memory, or until the attempt's time ran out.
 */
public final class ErrorBodyLimit implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    ResponseBody body = response.body();
    if (response.isSuccessful() || body == null) {
      return response;
    }
    Buffer kept = new Buffer();
    try (ResponseBody original = body) {
      BufferedSource source = original.source();
      source.request(Bodies.MAX_ERROR_BODY_BYTES);
      long n = Math.min(source.getBuffer().size(), Bodies.MAX_ERROR_BODY_BYTES);
      source.read(kept, n);
    }
    return response.newBuilder().body(ResponseBody.create(kept, body.contentType(), kept.size())).build();
  }
}
