// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.auth;

import java.time.Instant;

/** A temporary access key pair, its security token and its expiry, already checked. toString shows no secret. */
public final class TemporaryKeys {
  /** The access key id (not a secret). */
  public final String accessKey;
  /** The secret key. */
  public final String secretKey;
  /** The security token. */
  public final String securityToken;
  /** When the keys stop being valid. */
  public final Instant expiresAt;

  TemporaryKeys(String accessKey, String secretKey, String securityToken, Instant expiresAt) {
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.securityToken = securityToken;
    this.expiresAt = expiresAt;
  }

  @Override
  public String toString() {
    return "TemporaryKeys{accessKey=" + accessKey + ", secretKey=***, securityToken=***, expiresAt=" + expiresAt + '}';
  }
}
