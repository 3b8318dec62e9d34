// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import io.sfsturbo.jobs.text.SafeText;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a request to a region's next endpoint when the current one cannot have received it: its name does not
 * resolve, it refuses the connection, or the TLS handshake fails. Never on an HTTP answer or a timeout, where the
 * request may have reached the service. The endpoint that answered stays the client's current one (as in the
 * official SDKs); when every endpoint failed, the next request starts from the first again and the failure
 * carries the others as suppressed exceptions.
 *
 * <p>An application interceptor placed before the authentication: each endpoint's request is signed for its
 * own host. Requests are built for the first endpoint; this rewrites their base.
 */
public final class EndpointFailover implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger("io.sfsturbo.jobs.http");
  private final List<String> bases = new ArrayList<>();
  private final AtomicInteger current = new AtomicInteger();

  /**
   * @param endpoints the region's endpoints, in order; requests are built for the first
   */
  public EndpointFailover(List<URI> endpoints) {
    for (URI e : endpoints) {
      String s = e.toString();
      bases.add(s.endsWith("/") ? s : s + "/");
    }
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String url = request.url().toString();
    if (!url.startsWith(bases.get(0))) {
      return chain.proceed(request);
    }
    String relative = url.substring(bases.get(0).length());
    int start = current.get();
    List<IOException> failures = new ArrayList<>();
    for (int i = 0; i < bases.size(); i++) {
      int index = (start + i) % bases.size();
      try {
        Response response = chain.proceed(request.newBuilder().url(HttpUrl.get(bases.get(index) + relative)).build());
        current.set(index);
        return response;
      } catch (IOException e) {
        if (!neverReached(e) || chain.call().isCanceled()) {
          throw e;
        }
        failures.add(e);
        if (LOG.isDebugEnabled()) {
          LOG.debug("{} {} -> {}; trying the region's next endpoint", request.method(),
              HttpUrl.get(bases.get(index)).host(), SafeText.forMessage(String.valueOf(e)));
        }
      }
    }
    current.set(0);
    IOException last = failures.get(failures.size() - 1);
    for (IOException e : failures.subList(0, failures.size() - 1)) {
      last.addSuppressed(e);
    }
    throw last;
  }

  /**
   * Whether the failure proves the request never reached a server: name resolution, a refused (or unroutable)
   * connection, a failed TLS handshake. A timeout proves nothing (the server may be processing the request).
   */
  static boolean neverReached(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException) {
        return false;
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnknownHostException || t instanceof ConnectException || t instanceof SSLHandshakeException) {
        return true;
      }
    }
    return false;
  }

  /** Returns the index of the endpoint requests go to first. */
  int current() {
    return current.get();
  }
}
