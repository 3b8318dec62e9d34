// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testkit;

import io.sfsturbo.jobs.auth.AkSkCredentials;
import io.sfsturbo.jobs.auth.Credentials;
import io.sfsturbo.jobs.auth.TokenCredentials;
import java.util.Objects;

/**
 * What the emulator accepts as authentication, like the real gateway: one token, or AK/SK
 * signatures that it verifies (with the gateway's 15-minute limit on {@code X-Sdk-Date}).
 */
public final class EmulatorAuth {
  final String token;
  final String accessKey;
  final String secretKey;

  private EmulatorAuth(String token, String accessKey, String secretKey) {
    this.token = token;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
  }

  /**
   * Accepts requests with this {@code X-Auth-Token}.
   *
   * @param token the token
   * @return the setting
   */
  public static EmulatorAuth token(String token) {
    return new EmulatorAuth(Objects.requireNonNull(token, "token"), null, null);
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
        Objects.requireNonNull(secretKey, "secretKey"));
  }

  /** Returns SDK credentials that this setting accepts. */
  public Credentials clientCredentials() {
    return token != null ? TokenCredentials.of(token) : AkSkCredentials.of(accessKey, secretKey);
  }

  @Override
  public String toString() {
    return token != null ? "EmulatorAuth{token=***}" : "EmulatorAuth{accessKey=" + accessKey + ", secretKey=***}";
  }
}
