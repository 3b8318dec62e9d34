// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import okhttp3.Connection;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Lets a plain http request go only over a direct connection to this machine: the address it actually
 * connected to, after DNS, is checked before a byte of the request (and of its credentials) is written. The
 * client's build already refuses a plain http endpoint whose host is not a loopback name or address; this
 * catches a name that resolves elsewhere and a route through a proxy.
 */
public final class LoopbackGuard implements Interceptor {
  /** Refused: the request was not sent. Certain to happen again, so not retried. */
  public static final class Refused extends IOException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    if (chain.request().isHttps()) {
      return chain.proceed(chain.request());
    }
    Connection connection = chain.connection();
    boolean direct = connection != null && connection.route().proxy().type() == Proxy.Type.DIRECT;
    InetAddress peer = connection == null ? null : connection.route().socketAddress().getAddress();
    if (!direct || peer == null || !peer.isLoopbackAddress()) {
      throw new Refused("plain http is allowed only directly to a loopback address, and this connection goes to "
          + (direct && peer != null ? peer.getHostAddress() : "a proxy") + "; nothing was sent (use https)");
    }
    return chain.proceed(chain.request());
  }
}
