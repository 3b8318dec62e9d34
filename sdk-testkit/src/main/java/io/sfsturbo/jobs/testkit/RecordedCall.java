// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testkit;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** One request the emulator received, and what it answered: an entry of its journal. An immutable value. */
public final class RecordedCall {
  private final Instant receivedAt;
  private final String method;
  private final String path;
  private final Map<String, String> headers;
  private final String jobId;
  private final int status;
  private final Fault fault;

  RecordedCall(Instant receivedAt, String method, String path, Map<String, String> headers, String jobId, int status,
      Fault fault) {
    this.receivedAt = receivedAt;
    this.method = method;
    this.path = path;
    this.headers = Collections.unmodifiableMap(new TreeMap<>(headers));
    this.jobId = jobId;
    this.status = status;
    this.fault = fault;
  }

  /** Returns when the request arrived, on the emulator's clock. */
  public Instant receivedAt() {
    return receivedAt;
  }

  /** Returns the HTTP method. */
  public String method() {
    return method;
  }

  /** Returns the encoded path and query. */
  public String path() {
    return path;
  }

  /**
   * Returns a header (names are case-insensitive).
   *
   * @param name the header name
   * @return its value, or null
   */
  public String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }

  /** Returns the job id of the path, or null when the path was not a job path. */
  public String jobId() {
    return jobId;
  }

  /** Returns the status answered, or 0 when a fault answered without a status (reset, cut body). */
  public int status() {
    return status;
  }

  /** Returns the fault injected, or null. */
  public Fault fault() {
    return fault;
  }

  /** Shows method, path, status and fault; never header values, which may hold credentials. */
  @Override
  public String toString() {
    return method + " " + path + " -> " + status + (fault == null ? "" : " (" + fault + ")");
  }
}
