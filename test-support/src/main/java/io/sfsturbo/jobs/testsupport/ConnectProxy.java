// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP proxy for tests that speaks only {@code CONNECT}, on 127.0.0.1: it asks for Basic credentials
 * with a {@code 407} when given some, records every request head it receives and the bytes that pass through
 * its tunnels (client to server, the first 64 KiB), and tunnels only to loopback addresses. Threads are
 * daemons; {@link #close()} ends them.
 *
 * <pre>{@code
 * try (ConnectProxy proxy = ConnectProxy.start("alice", "s3cret")) {
 *   // HTTPS_PROXY=proxy.url("alice", "s3cret") ...
 *   assertEquals(1, proxy.tunnels());
 * }
 * }</pre>
 */
public final class ConnectProxy implements AutoCloseable {
  private static final int MAX_HEAD = 16 * 1024;
  private static final int MAX_KEPT = 64 * 1024;

  private final ServerSocket server;
  private final String expectedAuthorization;
  private final List<String> heads = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream tunnelled = new ByteArrayOutputStream();
  private final AtomicInteger tunnels = new AtomicInteger();
  private final AtomicInteger challenges = new AtomicInteger();

  private ConnectProxy(String user, String password) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.expectedAuthorization = user == null ? null : "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    Thread accept = new Thread(this::acceptLoop, "connect-proxy-accept");
    accept.setDaemon(true);
    accept.start();
  }

  /**
   * Starts a proxy that asks for these credentials with a 407.
   *
   * @param user the user, or null for a proxy that asks for none
   * @param password the password
   * @return the running proxy
   * @throws IOException when it cannot listen
   */
  public static ConnectProxy start(String user, String password) throws IOException {
    return new ConnectProxy(user, password);
  }

  /** Returns the port it listens on. */
  public int port() {
    return server.getLocalPort();
  }

  /** Returns {@code http://127.0.0.1:PORT}. */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  /** Returns every request head received, in order (request line and headers). */
  public List<String> requestHeads() {
    return new ArrayList<>(heads);
  }

  /** Returns how many tunnels it opened. */
  public int tunnels() {
    return tunnels.get();
  }

  /** Returns how many 407 challenges it sent. */
  public int challenges() {
    return challenges.get();
  }

  /** Returns the first 64 KiB that clients sent through its tunnels, as ISO-8859-1 text. */
  public String tunnelledBytes() {
    synchronized (tunnelled) {
      return new String(tunnelled.toByteArray(), StandardCharsets.ISO_8859_1);
    }
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        sockets.add(client);
        daemon(() -> serve(client), "connect-proxy-client");
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try {
      client.setSoTimeout(20_000);
      InputStream in = client.getInputStream();
      OutputStream out = client.getOutputStream();
      while (true) {
        String head = readHead(in);
        if (head == null) {
          return;
        }
        heads.add(head);
        String[] requestLine = head.split("\r\n", 2)[0].split(" ");
        if (requestLine.length != 3 || !requestLine[0].equals("CONNECT")) {
          write(out, "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
          return;
        }
        if (expectedAuthorization != null && !expectedAuthorization.equals(header(head, "Proxy-Authorization"))) {
          challenges.incrementAndGet();
          write(out, "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
              + "Content-Length: 0\r\n\r\n");
          continue;
        }
        tunnel(client, requestLine[1]);
        return;
      }
    } catch (IOException e) {
      // The client went away: nothing to record.
    } finally {
      closeQuietly(client);
    }
  }

  private void tunnel(Socket client, String target) throws IOException {
    int colon = target.lastIndexOf(':');
    String host = target.substring(0, colon).replace("[", "").replace("]", "");
    InetAddress address = InetAddress.getByName(host);
    if (!address.isLoopbackAddress()) {
      write(client.getOutputStream(), "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    Socket upstream = new Socket();
    sockets.add(upstream);
    upstream.connect(new InetSocketAddress(address, Integer.parseInt(target.substring(colon + 1))), 5_000);
    tunnels.incrementAndGet();
    write(client.getOutputStream(), "HTTP/1.1 200 Connection established\r\n\r\n");
    Thread back = daemon(() -> pump(upstream, client, false), "connect-proxy-down");
    pump(client, upstream, true);
    try {
      back.join(20_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeQuietly(upstream);
  }

  private void pump(Socket from, Socket to, boolean keep) {
    byte[] buffer = new byte[8192];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      int n;
      while ((n = in.read(buffer)) > 0) {
        if (keep) {
          synchronized (tunnelled) {
            tunnelled.write(buffer, 0, Math.min(n, Math.max(0, MAX_KEPT - tunnelled.size())));
          }
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // One side closed.
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  /** A request head up to its blank line, at most 16 KiB; null at the end of the stream. */
  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      String text = head.toString(StandardCharsets.ISO_8859_1);
      if (text.endsWith("\r\n\r\n")) {
        return text.substring(0, text.length() - 4);
      }
      if (head.size() > MAX_HEAD) {
        throw new IOException("request head larger than 16 KiB");
      }
    }
    return null;
  }

  private static String header(String head, String name) {
    for (String line : head.split("\r\n")) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static Thread daemon(Runnable task, String name) {
    Thread t = new Thread(task, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // Closing: nothing to do.
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // Closing: nothing to do.
    }
    for (Socket s : sockets) {
      closeQuietly(s);
    }
  }
}
