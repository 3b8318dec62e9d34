// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import com.google.gson.JsonObject;
import io.sfsturbo.jobs.generated.model.ShowJobDetailResponse;

/**
 * The generated model plus what it cannot hold: the body as received and its JSON tree, from
 * which the status texts are read (the generated enum cannot keep a status it does not know).
 * When the body could not be decoded, {@link #failure()} says why, so that the caller can raise
 * the error with the response's status and request id at hand.
 */
public final class DecodedJobResponse extends ShowJobDetailResponse {
  transient String rawJson;
  transient JsonObject tree;
  transient String failure;
  transient Throwable failureCause;

  /** Returns the body as received (possibly cut to the size limit when it was refused). */
  public String rawJson() {
    return rawJson;
  }

  /** Returns the JSON tree when a status needed it, else null. */
  public JsonObject tree() {
    return tree;
  }

  /** Returns why the body was refused, or null when it was decoded. */
  public String failure() {
    return failure;
  }

  /** Returns the parse failure behind {@link #failure()}, or null. */
  public Throwable failureCause() {
    return failureCause;
  }
}
