// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testkit;

import io.sfsturbo.jobs.auth.AkSkCredentials;
import io.sfsturbo.jobs.auth.Credentials;
import io.sfsturbo.jobs.auth.TokenCredentials;
import java.time.Duration;
import java.util.Objects;

/**
 * What the emulator accepts as authentication, like the real gateway: one token, AK/SK
 * signatures that it verifies (with the gateway's 15-minute limit on {@code X-Sdk-Date}), or the
 * temporary keys its own instance metadata service issued.
 */
public final class EmulatorAuth {
  final String token;
  final String accessKey;
  final String secretKey;
  /** Set for {@link #instanceMetadata(Duration)}: how long issued keys are accepted. */
  final Duration metadataKeyLifetime;

  private EmulatorAuth(String token, String accessKey, String secretKey, Duration metadataKeyLifetime) {
    this.token = token;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.metadataKeyLifetime = metadataKeyLifetime;
  }

  /**
   * Serves an instance metadata service ({@code PUT /meta-data/latest/api/token},
   * {@code GET /openstack/latest/securitykey}) that issues new temporary keys at each request, and accepts
   * requests signed with an issued key pair and its security token until the keys expire (on the emulator's
   * clock; then 401 {@code APIGW.0301}). A client finds the service through {@code SFSTURBO_METADATA_ENDPOINT}
   * ({@link SfsTurboEmulator#environmentVariables()}); {@link SfsTurboEmulator#clientBuilder()} sets it up.
   *
   * @param keyLifetime how long each issued key pair is valid, positive
   * @return the setting
   */
  public static EmulatorAuth instanceMetadata(Duration keyLifetime) {
    if (Objects.requireNonNull(keyLifetime, "keyLifetime").isNegative() || keyLifetime.isZero()) {
      throw new IllegalArgumentException("keyLifetime must be positive, was " + keyLifetime);
    }
    return new EmulatorAuth(null, null, null, keyLifetime);
  }

  /** Returns whether requests must carry keys of the emulator's instance metadata service. */
  public boolean isInstanceMetadata() {
    return metadataKeyLifetime != null;
  }

  /**
   * Accepts requests with this {@code X-Auth-Token}.
   *
   * @param token the token
   * @return the setting
   */
  public static EmulatorAuth token(String token) {
    return new EmulatorAuth(Objects.requireNonNull(token, "token"), null, null, null);
  }

  /**
   * Accepts requests signed with this AK/SK.
   *
   * @param accessKey the AK
   * @param secretKey the SK
   * @return the setting
   */
  public static EmulatorAuth akSk(String accessKey, String secretKey) {
    return new EmulatorAuth(null, Objects.requireNonNull(accessKey, "accessKey"),
        Objects.requireNonNull(secretKey, "secretKey"), null);
  }

  /**
   * Returns SDK credentials that this setting accepts.
   *
   * @throws IllegalStateException for {@link #instanceMetadata(Duration)}, whose credentials come from the
   *     emulator's address: use {@link SfsTurboEmulator#clientBuilder()}
   */
  public Credentials clientCredentials() {
    if (metadataKeyLifetime != null) {
      throw new IllegalStateException("instance metadata keys come from the emulator: use emulator.clientBuilder(), "
          + "or its environmentVariables() in the client's environment");
    }
    return token != null ? TokenCredentials.of(token) : AkSkCredentials.of(accessKey, secretKey);
  }

  @Override
  public String toString() {
    if (metadataKeyLifetime != null) {
      return "EmulatorAuth{instanceMetadata, keyLifetime=" + metadataKeyLifetime + '}';
    }
    return token != null ? "EmulatorAuth{token=***}" : "EmulatorAuth{accessKey=" + accessKey + ", secretKey=***}";
  }
}
