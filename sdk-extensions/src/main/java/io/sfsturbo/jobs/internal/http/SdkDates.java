// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import java.time.Instant;

/**
 * The signing time as {@link AkSkSigner#SDK_DATE} text, formatted once a second: the text changes that often, and
 * formatting it for every request would repeat the same work. One per signer, so that no state is shared between
 * clients.
 */
public final class SdkDates {
  private volatile Formatted last = new Formatted(Long.MIN_VALUE, "");

  /**
   * Returns the text for a time.
   *
   * @param now the signing time
   * @return {@code now} formatted as {@link AkSkSigner#SDK_DATE}
   */
  public String format(Instant now) {
    Formatted current = last;
    if (current.epochSecond != now.getEpochSecond()) {
      current = new Formatted(now.getEpochSecond(), AkSkSigner.SDK_DATE.format(now));
      last = current;
    }
    return current.text;
  }

  private static final class Formatted {
    final long epochSecond;
    final String text;

    Formatted(long epochSecond, String text) {
      this.epochSecond = epochSecond;
      this.text = text;
    }
  }
}
