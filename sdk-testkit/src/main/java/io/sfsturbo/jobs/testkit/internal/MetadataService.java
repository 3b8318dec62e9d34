// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testkit.internal;

import com.google.gson.JsonObject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * The emulator's instance metadata service: {@code PUT /meta-data/latest/api/token} hands out a session token,
 * {@code GET /openstack/latest/securitykey} (with it) new temporary keys at each call, valid for a fixed time on
 * the emulator's clock, in the documented document and time format. The keys it issued are what the emulator's
 * gateway accepts (with their security token, until they expire).
 */
public final class MetadataService {
  /** The documented time format: UTC with microseconds. */
  static final DateTimeFormatter EXPIRES_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  private final Duration lifetime;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Issued> issued = new ConcurrentHashMap<>();
  private final Map<String, Boolean> sessionTokens = new ConcurrentHashMap<>();
  private final AtomicLong keyRequests = new AtomicLong();
  private final AtomicLong tokenRequests = new AtomicLong();

  /** A key pair the service issued. */
  public static final class Issued {
    /** The secret key. */
    public final String secretKey;
    /** The security token. */
    public final String securityToken;
    /** When the keys stop being accepted. */
    public final Instant expiresAt;

    Issued(String secretKey, String securityToken, Instant expiresAt) {
      this.secretKey = secretKey;
      this.securityToken = securityToken;
      this.expiresAt = expiresAt;
    }
  }

  /**
   * @param lifetime how long issued keys are valid
   */
  public MetadataService(Duration lifetime) {
    this.lifetime = lifetime;
  }

  /** Returns whether a path is the metadata service's. */
  public static boolean serves(String path) {
    return path.startsWith("/meta-data/") || path.startsWith("/openstack/");
  }

  /**
   * Answers a request to the metadata service.
   *
   * @param request the request
   * @param now the emulator's time
   * @return the answer
   */
  public MockResponse handle(RecordedRequest request, Instant now) {
    String path = request.getUrl().encodedPath();
    if (path.equals("/meta-data/latest/api/token") && "PUT".equals(request.getMethod())) {
      tokenRequests.incrementAndGet();
      String token = "emu-session-" + hex(16);
      sessionTokens.put(token, Boolean.TRUE);
      return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/plain").body(token).build();
    }
    if (path.equals("/openstack/latest/securitykey") && "GET".equals(request.getMethod())) {
      keyRequests.incrementAndGet();
      String token = request.getHeaders().get("X-Metadata-Token");
      if (token == null || !sessionTokens.containsKey(token)) {
        return new MockResponse.Builder().code(401).body("session token missing or invalid").build();
      }
      String ak = "EMUTEMPAK" + hex(6).toUpperCase(java.util.Locale.ROOT);
      Issued keys = new Issued("emu-temp-sk-" + hex(16), "emu-sts-" + hex(32), now.plus(lifetime));
      issued.put(ak, keys);
      JsonObject credential = new JsonObject();
      credential.addProperty("access", ak);
      credential.addProperty("secret", keys.secretKey);
      credential.addProperty("securitytoken", keys.securityToken);
      credential.addProperty("expires_at", EXPIRES_AT.format(keys.expiresAt));
      JsonObject body = new JsonObject();
      body.add("credential", credential);
      return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body(body.toString()).build();
    }
    return new MockResponse.Builder().code(404).body("not found").build();
  }

  /**
   * Returns the keys issued under an access key id, or null.
   *
   * @param accessKey the AK
   * @return the issued keys
   */
  public Issued issued(String accessKey) {
    return accessKey == null ? null : issued.get(accessKey);
  }

  /** Returns how many securitykey documents were asked for. */
  public long keyRequests() {
    return keyRequests.get();
  }

  /** Returns how many session tokens were asked for. */
  public long tokenRequests() {
    return tokenRequests.get();
  }

  private String hex(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    StringBuilder sb = new StringBuilder();
    for (byte x : b) {
      sb.append(String.format("%02x", x));
    }
    return sb.toString();
  }
}
