// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * The first interceptor of the SDK's calls: a {@code RuntimeException} from anything after it (a
 * caller's interceptor, a bug) leaves as {@link Bug}, an {@code IOException}. OkHttp hands any other
 * exception of an async call to its dispatcher thread's uncaught handler and tells the callback only
 * "canceled", so without this the same bug would fail a sync call one way and an async call another.
 */
public final class InterceptorBugGuard implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    try {
      return chain.proceed(chain.request());
    } catch (RuntimeException e) {
      throw new Bug(e);
    }
  }

  /** Carries an unexpected {@code RuntimeException} through OkHttp; its cause is that exception. */
  public static final class Bug extends IOException {
    private static final long serialVersionUID = 1L;

    Bug(RuntimeException cause) {
      super(cause.toString(), cause);
    }
  }
}
