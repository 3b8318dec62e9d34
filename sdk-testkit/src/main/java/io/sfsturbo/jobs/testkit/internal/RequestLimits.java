// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testkit.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.UUID;
import javax.net.ServerSocketFactory;

/**
 * Caps what one request may make the emulator hold, as every HTTP server does: MockWebServer reads a request's
 * line and headers as whole strings and its body whole, without a limit, so one client could exhaust the heap
 * with a single endless header line or body.
 *
 * <p>Enforced below MockWebServer, on the accepted socket ({@link RequestGuard}): the request line and headers
 * together may take {@link #maxHeadBytes} (else 431), a body {@link #maxBodyBytes} as its {@code Content-Length}
 * announces (else 413, before the body is read); a body without a length ({@code Transfer-Encoding}) gets 411, a
 * {@code Content-Length} that is not one number or a body on GET 400, and a TLS handshake (an {@code https://}
 * client) a plain-http 400 at once. A refused request never reaches MockWebServer: it is handed a stand-in
 * instead, a GET of a path only this instance knows ({@link #refusal(String)} reads it), so that the
 * dispatcher writes the answer and MockWebServer ends the connection as after any last request. The socket then
 * closes gracefully: its output first, then what the client still sends is read and dropped for a moment, so
 * that the client reads the answer rather than a reset.
 *
 * <p>Accepted sockets have {@code TCP_NODELAY} set, as {@link NoDelayServerSocketFactory} explains.
 */
public final class RequestLimits {
  /** Room for the largest IAM tokens (a few KiB) many times over. */
  public static final int DEFAULT_MAX_HEAD_BYTES = 64 * 1024;
  /** The API takes no request body; this is for clients that send one anyway. */
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;

  final int maxHeadBytes;
  final long maxBodyBytes;
  /** Unguessable, so that no client can ask for a refusal's answer directly (it would get one, harmlessly). */
  private final String refusedPath = "/.sfsturbo-emulator/refused/" + UUID.randomUUID() + "/";

  public RequestLimits(int maxHeadBytes, long maxBodyBytes) {
    this.maxHeadBytes = maxHeadBytes;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Why a request was refused, and the answer it gets. */
  public enum Refusal {
    /** The request line and headers passed the bound. */
    HEAD_TOO_LARGE(431, "Request Header Fields Too Large", "the request line and headers may take at most "
        + DEFAULT_MAX_HEAD_BYTES + " bytes"),
    /** The Content-Length passed the bound. */
    BODY_TOO_LARGE(413, "Content Too Large", "a request body may take at most " + DEFAULT_MAX_BODY_BYTES + " bytes"),
    /** A body without a Content-Length. */
    LENGTH_REQUIRED(411, "Length Required", "a request body needs a Content-Length"),
    /** A Content-Length that is not one number, or a body on GET or HEAD. */
    BAD_FRAMING(400, "Bad Request", "a malformed Content-Length, or a body on GET"),
    /**
     * A TLS handshake: an https client at this plain-http server. Answered at once, in plain HTTP, where
     * MockWebServer would wait for the end of a "request line" that never comes, until the client gives up.
     */
    TLS_HANDSHAKE(400, "Bad Request", "this server speaks plain http: use an http:// URL");

    /** The status code. */
    public final int status;
    /** The reason phrase of the status line. */
    public final String reason;
    /** The body's explanation. */
    public final String why;

    Refusal(int status, String reason, String why) {
      this.status = status;
      this.reason = reason;
      this.why = why;
    }
  }

  /** The refusal a request path stands in for, or null when it is an ordinary request. */
  public Refusal refusal(String encodedPath) {
    if (!encodedPath.startsWith(refusedPath)) {
      return null;
    }
    try {
      return Refusal.valueOf(encodedPath.substring(refusedPath.length()));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** A stand-in request for a refusal. */
  byte[] standIn(Refusal refusal) {
    return ("GET " + refusedPath + refusal.name() + " HTTP/1.1\r\nConnection: close\r\n\r\n")
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  /** Server sockets whose connections are guarded so. */
  public ServerSocketFactory serverSocketFactory() {
    return new ServerSocketFactory() {
      @Override
      public ServerSocket createServerSocket() throws IOException {
        return new GuardedServerSocket();
      }

      @Override
      public ServerSocket createServerSocket(int port) throws IOException {
        ServerSocket s = new GuardedServerSocket();
        s.bind(new InetSocketAddress(port));
        return s;
      }

      @Override
      public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        ServerSocket s = new GuardedServerSocket();
        s.bind(new InetSocketAddress(port), backlog);
        return s;
      }

      @Override
      public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        ServerSocket s = new GuardedServerSocket();
        s.bind(new InetSocketAddress(address, port), backlog);
        return s;
      }
    };
  }

  private final class GuardedServerSocket extends ServerSocket {
    GuardedServerSocket() throws IOException {
      super();
    }

    @Override
    public Socket accept() throws IOException {
      GuardedSocket socket = new GuardedSocket(RequestLimits.this);
      implAccept(socket);
      socket.setTcpNoDelay(true);
      return socket;
    }
  }
}
