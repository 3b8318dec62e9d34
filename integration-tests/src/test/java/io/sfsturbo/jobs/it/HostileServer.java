// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.it;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A tiny raw-socket HTTP/1.1 server on 127.0.0.1 that misbehaves on purpose: slow or endless
 * headers, endless interim responses, silence, huge or decompression-bomb bodies, a TLS port that
 * never answers. MockWebServer cannot do most of this (it always finishes a response it started),
 * which is why this exists.
 *
 * <pre>{@code
 * try (HostileServer server = HostileServer.start(HostileServer.redirect(302, "http://127.0.0.1:1/"))) {
 *   ... client.endpoint(server.url()) ...
 *   assertNull(server.requests().get(0).header("X-Auth-Token"));
 * }
 * }</pre>
 *
 * <p>Each request is answered by the next {@link Behaviour} of the list the server was started
 * with, the last one repeating. One daemon thread serves each connection; it ends when the
 * client disconnects or the server is closed, and {@link #close()} closes every socket, so no
 * behaviour outlives the server.
 */
public final class HostileServer implements AutoCloseable {
  private static final byte[] CRLF = {'\r', '\n'};
  /** Requests longer than this (line or header block) are cut off: the client is ours, but a bug in it must not make this server eat the heap. */
  private static final int MAX_HEAD = 64 * 1024;
  private static final int MAX_BODY = 1024 * 1024;

  private final ServerSocket serverSocket;
  private final List<Behaviour> behaviours;
  private final AtomicInteger nextBehaviour = new AtomicInteger();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
  private final Set<Thread> handlers = ConcurrentHashMap.newKeySet();
  private final List<ReceivedRequest> requests = new CopyOnWriteArrayList<>();
  private final List<Throwable> unexpectedErrors = new CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final Thread acceptor;

  private HostileServer(List<Behaviour> behaviours) throws IOException {
    if (behaviours.isEmpty()) {
      throw new IllegalArgumentException("give at least one behaviour");
    }
    this.behaviours = List.copyOf(behaviours);
    this.serverSocket = new ServerSocket();
    serverSocket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
    this.acceptor = new Thread(this::acceptLoop, "hostile-accept-" + serverSocket.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * Starts a server on a free loopback port.
   *
   * @param behaviours how to answer the 1st, 2nd, ... request; the last one answers all the rest
   * @return the running server
   * @throws IOException if no port could be bound
   */
  public static HostileServer start(Behaviour... behaviours) throws IOException {
    return new HostileServer(Arrays.asList(behaviours));
  }

  /** Returns {@code http://127.0.0.1:PORT/}. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + port() + "/");
  }

  /** Returns {@code https://127.0.0.1:PORT/}: the same port, for {@link #stalledTls()} (this server speaks no TLS). */
  public URI httpsUrl() {
    return URI.create("https://127.0.0.1:" + port() + "/");
  }

  /** Returns the port. */
  public int port() {
    return serverSocket.getLocalPort();
  }

  /** Returns how many TCP connections were accepted. */
  public int connectionCount() {
    return connections.get();
  }

  /** Returns how many requests were read (a request is recorded before it is answered). */
  public int requestCount() {
    return requests.size();
  }

  /** Returns the requests read so far, in order. */
  public List<ReceivedRequest> requests() {
    return List.copyOf(requests);
  }

  /**
   * Returns what a connection thread failed with other than an I/O error (an I/O error is how a
   * client leaves, so it is expected); a test can assert this is empty.
   */
  public List<Throwable> unexpectedErrors() {
    return List.copyOf(unexpectedErrors);
  }

  /** Returns how many connection threads still run. */
  public int liveConnectionThreads() {
    int n = 0;
    for (Thread t : handlers) {
      if (t.isAlive()) {
        n++;
      }
    }
    return n;
  }

  /**
   * Stops: closes the listening socket and every connection, which ends every behaviour at its
   * next read, write or pause; waits at most about a second for the connection threads.
   */
  @Override
  public void close() {
    closed.countDown();
    closeQuietly(serverSocket);
    for (Socket s : openSockets) {
      closeQuietly(s);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    List<Thread> all = new ArrayList<>(handlers);
    all.add(acceptor);
    for (Thread t : all) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      try {
        t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private boolean isClosed() {
    return closed.getCount() == 0;
  }

  private void acceptLoop() {
    while (!isClosed()) {
      Socket socket;
      try {
        socket = serverSocket.accept();
      } catch (IOException e) {
        return;   // closed
      }
      connections.incrementAndGet();
      openSockets.add(socket);
      if (isClosed()) {
        // close() may have run between accept() and add(): it would have missed this socket.
        closeQuietly(socket);
        return;
      }
      Thread t = new Thread(() -> serve(socket), "hostile-conn-" + connections.get());
      t.setDaemon(true);
      handlers.add(t);
      t.start();
    }
  }

  private Behaviour behaviourAt(int index) {
    return behaviours.get(Math.min(index, behaviours.size() - 1));
  }

  /** The behaviour for a new connection if it is one that does not wait for a request (TLS). */
  private synchronized Behaviour takeConnectionBehaviour() {
    Behaviour b = behaviourAt(nextBehaviour.get());
    if (b.beforeRequest()) {
      nextBehaviour.incrementAndGet();
      return b;
    }
    return null;
  }

  private synchronized Behaviour takeRequestBehaviour() {
    return behaviourAt(nextBehaviour.getAndIncrement());
  }

  private void serve(Socket socket) {
    try (socket) {
      socket.setTcpNoDelay(true);   // drips must leave at once, not wait for an ACK (Nagle)
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      Behaviour connectionLevel = takeConnectionBehaviour();
      if (connectionLevel != null) {
        connectionLevel.answer(new Exchange(this, socket, in, out, null));
        return;
      }
      while (!isClosed()) {
        ReceivedRequest request = readRequest(in);
        if (request == null) {
          return;   // the client closed the connection between requests
        }
        requests.add(request);
        boolean keepAlive = takeRequestBehaviour().answer(new Exchange(this, socket, in, out, request));
        out.flush();
        if (!keepAlive || !request.bodyWasRead()) {
          return;
        }
      }
    } catch (IOException e) {
      // How clients leave (reset, broken pipe) and how close() ends a behaviour: expected.
    } catch (RuntimeException | Error e) {
      unexpectedErrors.add(e);
    } finally {
      openSockets.remove(socket);
    }
  }

  private static ReceivedRequest readRequest(InputStream in) throws IOException {
    String requestLine = readLine(in);
    while (requestLine != null && requestLine.isEmpty()) {
      requestLine = readLine(in);   // tolerated between requests, as RFC 9112 allows
    }
    if (requestLine == null) {
      return null;
    }
    List<Map.Entry<String, String>> headers = new ArrayList<>();
    int headBytes = requestLine.length();
    for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
      headBytes += line.length();
      if (headBytes > MAX_HEAD) {
        throw new IOException("request head over " + MAX_HEAD + " bytes");
      }
      int colon = line.indexOf(':');
      headers.add(Map.entry(colon < 0 ? line : line.substring(0, colon).trim(),
          colon < 0 ? "" : line.substring(colon + 1).trim()));
    }
    byte[] body = new byte[0];
    boolean bodyRead = true;
    String length = first(headers, "Content-Length");
    if (length != null) {
      long n = Long.parseLong(length.trim());
      if (n > MAX_BODY) {
        throw new IOException("request body over " + MAX_BODY + " bytes");
      }
      body = in.readNBytes((int) n);
    } else if (first(headers, "Transfer-Encoding") != null) {
      bodyRead = false;   // chunked request bodies are not read; the connection ends after the answer
    }
    return new ReceivedRequest(requestLine, Collections.unmodifiableList(headers), body, bodyRead);
  }

  /** Reads an ASCII line ending in LF (a CR before it dropped); null at end of stream. */
  private static String readLine(InputStream in) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int c = in.read(); ; c = in.read()) {
      if (c < 0) {
        return sb.length() == 0 ? null : sb.toString();
      }
      if (c == '\n') {
        int end = sb.length();
        return end > 0 && sb.charAt(end - 1) == '\r' ? sb.substring(0, end - 1) : sb.toString();
      }
      if (sb.length() >= MAX_HEAD) {
        throw new IOException("request line over " + MAX_HEAD + " bytes");
      }
      sb.append((char) c);
    }
  }

  private static String first(List<Map.Entry<String, String>> headers, String name) {
    for (Map.Entry<String, String> h : headers) {
      if (h.getKey().equalsIgnoreCase(name)) {
        return h.getValue();
      }
    }
    return null;
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // closing on the way out: nothing to do about it
    }
  }

  /**
   * One request as received: its request line and headers in arrival order (names as sent), and a
   * body if it came with {@code Content-Length}.
   *
   * @param requestLine e.g. {@code GET /v1/p/sfs-turbo/jobs/j HTTP/1.1}
   * @param headers name and value of each header line, in order, duplicates kept
   * @param body the body, empty if none
   * @param bodyWasRead false for a chunked body, which is not read
   */
  public record ReceivedRequest(String requestLine, List<Map.Entry<String, String>> headers, byte[] body,
      boolean bodyWasRead) {
    /** Returns the method, e.g. {@code GET}. */
    public String method() {
      int sp = requestLine.indexOf(' ');
      return sp < 0 ? requestLine : requestLine.substring(0, sp);
    }

    /** Returns the request target, e.g. {@code /v1/p/sfs-turbo/jobs/j?x=1}. */
    public String target() {
      String[] parts = requestLine.split(" ");
      return parts.length > 1 ? parts[1] : "";
    }

    /**
     * Returns the first value of a header.
     *
     * @param name the name, any case
     * @return the value, or null if the request had no such header
     */
    public String header(String name) {
      return first(headers, name);
    }

    /** Returns the header names, lower-cased, in order. */
    public List<String> headerNames() {
      List<String> names = new ArrayList<>();
      for (Map.Entry<String, String> h : headers) {
        names.add(h.getKey().toLowerCase(Locale.ROOT));
      }
      return names;
    }

    @Override
    public String toString() {
      // Names only: a recorded request may carry a token, and this ends up in assertion messages.
      return requestLine + " " + headerNames();
    }
  }

  /**
   * What a behaviour works with: the request (null for a connection-level behaviour), the
   * connection's streams, and pauses that end when the server closes.
   */
  public static final class Exchange {
    private final HostileServer server;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final ReceivedRequest request;

    Exchange(HostileServer server, Socket socket, InputStream in, OutputStream out, ReceivedRequest request) {
      this.server = server;
      this.socket = socket;
      this.in = in;
      this.out = out;
      this.request = request;
    }

    /** Returns the request being answered, or null for a connection-level behaviour. */
    public ReceivedRequest request() {
      return request;
    }

    /** Returns the connection's output, unbuffered: every write goes out at once. */
    public OutputStream out() {
      return out;
    }

    /** Returns the connection's input, after the request. */
    public InputStream in() {
      return in;
    }

    /**
     * Waits, but ends early when the server closes.
     *
     * @param d how long
     * @throws IOException once the server is closed, to unwind the behaviour
     */
    public void pause(Duration d) throws IOException {
      try {
        if (server.closed.await(d.toNanos(), TimeUnit.NANOSECONDS)) {
          throw new SocketException("server closed");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SocketException("interrupted");
      }
    }

    /** Writes ASCII text and flushes it. */
    public void write(String ascii) throws IOException {
      out.write(ascii.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
    }

    /**
     * Blocks until the client closes the connection (or the server closes), discarding whatever
     * the client sends meanwhile: how a behaviour holds a connection without answering and still
     * notices the client leaving.
     */
    public void awaitClientClose() throws IOException {
      byte[] sink = new byte[4096];
      socket.setSoTimeout(0);
      while (in.read(sink) >= 0) {
        // discard: a request pipelined behind, or a TLS ClientHello
      }
    }
  }

  /**
   * How the server answers one request (or, for {@link #beforeRequest()} ones, a whole
   * connection). An implementation may block, but only in reads, writes and
   * {@link Exchange#pause}, which all end when the server closes.
   */
  @FunctionalInterface
  public interface Behaviour {
    /**
     * Answers.
     *
     * @param exchange the request and the connection
     * @return whether the connection may carry another request afterwards
     * @throws IOException when the client leaves or the server closes
     */
    boolean answer(Exchange exchange) throws IOException;

    /** Returns whether this behaviour takes the connection before any request is read (default false). */
    default boolean beforeRequest() {
      return false;
    }
  }

  // ---- behaviours ----

  /**
   * A plain answer with {@code Content-Length} (unless a {@code Content-Length} or
   * {@code Transfer-Encoding} header is given, then the headers are sent exactly as given).
   *
   * @param status the status code
   * @param headers header names and values, sent in the map's iteration order
   * @param body the body (UTF-8)
   * @return the behaviour; the connection stays open for another request
   */
  public static Behaviour respond(int status, Map<String, String> headers, String body) {
    List<String> lines = new ArrayList<>();
    new LinkedHashMap<>(headers).forEach((k, v) -> lines.add(k + ": " + v));
    return respond(status, body, lines.toArray(new String[0]));
  }

  /**
   * A plain answer, like {@link #respond(int, Map, String)}, with raw header lines.
   *
   * @param status the status code
   * @param body the body (UTF-8)
   * @param headerLines raw lines such as {@code "Content-Type: application/json"}, sent as given (malformed ones too)
   * @return the behaviour
   */
  public static Behaviour respond(int status, String body, String... headerLines) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
    boolean framed = false;
    for (String line : headerLines) {
      String lower = line.toLowerCase(Locale.ROOT);
      framed |= lower.startsWith("content-length:") || lower.startsWith("transfer-encoding:");
      head.append(line).append("\r\n");
    }
    if (!framed) {
      head.append("Content-Length: ").append(bytes.length).append("\r\n");
    }
    byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    return ex -> {
      ex.out().write(headBytes);
      ex.out().write(bytes);
      ex.out().flush();
      return true;
    };
  }

  /**
   * A redirect with an empty body.
   *
   * @param code 301, 302, 303, 307 or 308 (any code is sent as given)
   * @param location the {@code Location} header's value
   * @return the behaviour
   */
  public static Behaviour redirect(int code, String location) {
    return respond(code, "", "Location: " + location);
  }

  /**
   * Headers at once, with {@code Content-Length}, then the body one byte every {@code perByte}:
   * a client whose read timeout is longer than {@code perByte} never times out, however long the
   * whole body takes.
   *
   * @param body the body (UTF-8)
   * @param perByte the pause before each byte
   * @return the behaviour
   */
  public static Behaviour slowBody(String body, Duration perByte) {
    return slowBody(200, body, perByte);
  }

  /**
   * Like {@link #slowBody(String, Duration)} with another status: an error whose body never
   * quite arrives.
   *
   * @param status the status code
   * @param body the body (UTF-8)
   * @param perByte the pause before each byte
   * @return the behaviour
   */
  public static Behaviour slowBody(int status, String body, Duration perByte) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return ex -> {
      ex.write("HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: application/json\r\nContent-Length: "
          + bytes.length + "\r\n\r\n");
      for (byte b : bytes) {
        ex.pause(perByte);
        ex.out().write(b);
        ex.out().flush();
      }
      return true;
    };
  }

  /**
   * {@code HTTP/1.1 200 OK}, then one header line every {@code perLine}, forever: the header block
   * never ends.
   *
   * @param perLine the pause before each header line
   * @return the behaviour
   */
  public static Behaviour drippedHeaders(Duration perLine) {
    return ex -> {
      ex.write("HTTP/1.1 200 OK\r\n");
      for (long i = 0; ; i++) {
        ex.pause(perLine);
        ex.write("X-Drip-" + i + ": " + i + "\r\n");
      }
    };
  }

  /**
   * {@code HTTP/1.1 102 Processing} and an empty line, every {@code perResponse}, forever: a
   * client that waits for the final response through interim ones waits for ever.
   *
   * @param perResponse the pause before each interim response
   * @return the behaviour
   */
  public static Behaviour interimFlood(Duration perResponse) {
    return ex -> {
      for (;;) {
        ex.pause(perResponse);
        ex.write("HTTP/1.1 102 Processing\r\n\r\n");
      }
    };
  }

  /**
   * Reads the request and never answers; the connection stays open until the client closes it
   * or the server closes.
   *
   * @return the behaviour
   */
  public static Behaviour silent() {
    return ex -> {
      ex.awaitClientClose();
      return false;
    };
  }

  /**
   * For {@link #httpsUrl()}: takes the connection, reads (and drops) the TLS ClientHello and never
   * answers it, until the client closes or the server closes. Only a handshake or call timeout
   * ends a client's wait.
   *
   * @return the behaviour, used for a whole connection
   */
  public static Behaviour stalledTls() {
    return new Behaviour() {
      @Override
      public boolean answer(Exchange ex) throws IOException {
        ex.awaitClientClose();
        return false;
      }

      @Override
      public boolean beforeRequest() {
        return true;
      }
    };
  }

  /**
   * A 200 whose body is {@code bytes} bytes of a job JSON with ever more sub-jobs,
   * {@code {"job_id":"j","status":"running","sub_jobs":[{...},{...},...]}}, generated while it is
   * sent (never held in memory); valid JSON from {@link #HUGE_BODY_MIN} bytes on. It stops quietly
   * when the client disconnects.
   *
   * @param bytes the body's size
   * @param withContentLength whether to send {@code Content-Length}
   * @param chunked whether to send the body chunked; with neither, the body ends when the
   *     connection closes; with both, both headers go out (the conflicting framing some broken
   *     proxies send) and the body is chunked
   * @return the behaviour
   */
  public static Behaviour hugeBody(long bytes, boolean withContentLength, boolean chunked) {
    return ex -> {
      StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n");
      if (withContentLength) {
        head.append("Content-Length: ").append(bytes).append("\r\n");
      }
      if (chunked) {
        head.append("Transfer-Encoding: chunked\r\n");
      } else if (!withContentLength) {
        head.append("Connection: close\r\n");
      }
      ex.write(head.append("\r\n").toString());
      OutputStream body = chunked ? new ChunkedOutputStream(ex.out())
          : new BufferedOutputStream(new NonClosing(ex.out()), 64 * 1024);
      writeJobJson(body, bytes, false);
      body.close();   // the last chunk, for a chunked body; neither stream closes the socket
      return chunked || withContentLength;
    };
  }

  /**
   * An error status whose body never ends: {@code Content-Length} of a terabyte, then {@code x}
   * for as long as the client reads. A client that reads an error body whole never ends.
   *
   * @param status the status code
   * @return the behaviour; the connection is not reused
   */
  public static Behaviour endlessErrorBody(int status) {
    return ex -> {
      ex.write("HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: application/json\r\n"
          + "Content-Length: " + (1L << 40) + "\r\n\r\n");
      byte[] chunk = new byte[8192];
      java.util.Arrays.fill(chunk, (byte) 'x');
      try {
        while (true) {
          ex.out().write(chunk);
        }
      } catch (IOException clientLeft) {
        return false;
      }
    };
  }

  private static final byte[] JOB_PREFIX =
      "{\"job_id\":\"j\",\"status\":\"running\",\"sub_jobs\":[".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SUB_JOB =
      "{\"job_id\":\"s\",\"status\":\"running\",\"job_type\":\"expand\"}".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] JOB_SUFFIX = {']', '}'};

  /** The smallest {@link #hugeBody} that is valid JSON (one sub-job). */
  public static final long HUGE_BODY_MIN = JOB_PREFIX.length + SUB_JOB.length + JOB_SUFFIX.length;

  /**
   * A 200 with {@code Content-Encoding: gzip}, chunked, whose body inflates to
   * {@code inflatedBytes}; see {@link #gzipBomb(long, boolean)}.
   *
   * @param inflatedBytes the size after inflating
   * @return the behaviour
   */
  public static Behaviour gzipBomb(long inflatedBytes) {
    return gzipBomb(inflatedBytes, false);
  }

  /**
   * A 200 with {@code Content-Encoding: gzip} whose body inflates to {@code inflatedBytes} of
   * JSON: {@code {"job_id":"j","status":"running","sub_jobs":[} then spaces, then {@code ]}}.
   * Spaces rather than repeated sub-job objects because only a run of one byte (a distance-1
   * match) gets deflate's best ratio, about 1000:1; a repeated object of ~50 bytes gets about a
   * third of that. Compressed while sent (never held in memory).
   *
   * @param inflatedBytes the size after inflating
   * @param withContentLength send {@code Content-Length} (the compressed size, found by
   *     compressing once without sending, then remembered) instead of a chunked body
   * @return the behaviour
   */
  public static Behaviour gzipBomb(long inflatedBytes, boolean withContentLength) {
    AtomicLong compressedSize = new AtomicLong(-1);
    return ex -> {
      StringBuilder head = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
          + "Content-Encoding: gzip\r\n");
      if (withContentLength) {
        if (compressedSize.get() < 0) {
          CountingOutputStream counter = new CountingOutputStream();
          writeGzip(counter, inflatedBytes);
          compressedSize.set(counter.count);
        }
        head.append("Content-Length: ").append(compressedSize.get()).append("\r\n");
      } else {
        head.append("Transfer-Encoding: chunked\r\n");
      }
      ex.write(head.append("\r\n").toString());
      OutputStream body = withContentLength ? new BufferedOutputStream(new NonClosing(ex.out()), 16 * 1024)
          : new ChunkedOutputStream(ex.out());
      writeGzip(body, inflatedBytes);
      body.close();
      return true;
    };
  }

  private static void writeGzip(OutputStream target, long inflatedBytes) throws IOException {
    // Not closed: closing would close the socket's stream under the caller.
    GZIPOutputStream gzip = new GZIPOutputStream(new NonClosing(target), 64 * 1024) {
      {
        def.setLevel(Deflater.BEST_COMPRESSION);
      }
    };
    writeJobJson(gzip, inflatedBytes, true);
    gzip.finish();
    gzip.flush();
  }

  /**
   * Writes a job JSON of exactly {@code size} bytes: the prefix, then sub-job objects (or spaces),
   * padding spaces, and {@code ]}}; a size too small for that gets the start of it.
   */
  private static void writeJobJson(OutputStream out, long size, boolean spaces) throws IOException {
    byte[] prefix = JOB_PREFIX;
    byte[] item = SUB_JOB;
    byte[] suffix = JOB_SUFFIX;
    if (size < HUGE_BODY_MIN) {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      all.write(prefix);
      all.write(item);
      all.write(suffix);
      out.write(all.toByteArray(), 0, (int) size);
      out.flush();
      return;
    }
    out.write(prefix);
    long left = size - prefix.length - suffix.length;
    if (!spaces) {
      out.write(item);
      left -= item.length;
    }
    // A block of whole ",{item}" units (or spaces), written again and again.
    int unit = spaces ? 1 : item.length + 1;
    byte[] block = new byte[(64 * 1024 / unit) * unit];
    if (spaces) {
      Arrays.fill(block, (byte) ' ');
    } else {
      for (int i = 0; i < block.length; i += unit) {
        block[i] = ',';
        System.arraycopy(item, 0, block, i + 1, item.length);
      }
    }
    while (left >= unit) {
      int n = (int) Math.min(block.length, (left / unit) * unit);
      out.write(block, 0, n);
      left -= n;
    }
    for (; left > 0; left--) {
      out.write(' ');
    }
    out.write(suffix);
    out.flush();
  }

  private static String reason(int status) {
    switch (status) {
      case 200: return "OK";
      case 301: return "Moved Permanently";
      case 302: return "Found";
      case 303: return "See Other";
      case 307: return "Temporary Redirect";
      case 308: return "Permanent Redirect";
      case 400: return "Bad Request";
      case 401: return "Unauthorized";
      case 404: return "Not Found";
      case 429: return "Too Many Requests";
      case 500: return "Internal Server Error";
      case 503: return "Service Unavailable";
      default: return "Hostile";
    }
  }

  /** Chunked transfer coding: one chunk per buffer-full; close() writes the last chunk, not closing the socket. */
  private static final class ChunkedOutputStream extends OutputStream {
    private final OutputStream socketOut;
    private final byte[] buf = new byte[64 * 1024];
    private int len;
    private boolean finished;

    ChunkedOutputStream(OutputStream socketOut) {
      this.socketOut = socketOut;
    }

    @Override
    public void write(int b) throws IOException {
      if (len == buf.length) {
        flushChunk();
      }
      buf[len++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int n) throws IOException {
      while (n > 0) {
        if (len == buf.length) {
          flushChunk();
        }
        int k = Math.min(n, buf.length - len);
        System.arraycopy(b, off, buf, len, k);
        len += k;
        off += k;
        n -= k;
      }
    }

    private void flushChunk() throws IOException {
      if (len > 0) {
        socketOut.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        socketOut.write(buf, 0, len);
        socketOut.write(CRLF);
        len = 0;
      }
    }

    @Override
    public void flush() throws IOException {
      flushChunk();
      socketOut.flush();
    }

    @Override
    public void close() throws IOException {
      if (!finished) {
        finished = true;
        flushChunk();
        socketOut.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        socketOut.flush();
      }
    }
  }

  /** Passes writes through; close() only flushes, so that wrapping streams cannot close the socket. */
  private static final class NonClosing extends FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  /** Counts bytes and drops them: the compressed size of a gzip bomb without holding it. */
  private static final class CountingOutputStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }
}
