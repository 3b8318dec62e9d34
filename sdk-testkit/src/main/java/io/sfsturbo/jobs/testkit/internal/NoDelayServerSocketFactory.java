// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testkit.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;

/**
 * Server sockets whose accepted connections have {@code TCP_NODELAY} set.
 *
 * <p>Why: MockWebServer writes a response's headers and its body in two writes. With Nagle's
 * algorithm on (the default), the body waits for the client's ACK of the headers, and on Linux
 * the client delays that ACK by up to 40 ms: every request then takes about 40 ms on loopback,
 * and the emulator (or a benchmark) would measure TCP timers instead of code.
 */
public final class NoDelayServerSocketFactory extends ServerSocketFactory {
  /** The shared instance. */
  public static final NoDelayServerSocketFactory INSTANCE = new NoDelayServerSocketFactory();

  @Override
  public ServerSocket createServerSocket() throws IOException {
    return new NoDelayServerSocket();
  }

  @Override
  public ServerSocket createServerSocket(int port) throws IOException {
    ServerSocket s = new NoDelayServerSocket();
    s.bind(new java.net.InetSocketAddress(port));
    return s;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog) throws IOException {
    ServerSocket s = new NoDelayServerSocket();
    s.bind(new java.net.InetSocketAddress(port), backlog);
    return s;
  }

  @Override
  public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
    ServerSocket s = new NoDelayServerSocket();
    s.bind(new java.net.InetSocketAddress(address, port), backlog);
    return s;
  }

  private static final class NoDelayServerSocket extends ServerSocket {
    NoDelayServerSocket() throws IOException {
      super();
    }

    @Override
    public Socket accept() throws IOException {
      Socket socket = super.accept();
      socket.setTcpNoDelay(true);
      return socket;
    }
  }
}
