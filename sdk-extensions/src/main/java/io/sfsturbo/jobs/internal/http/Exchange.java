// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import io.sfsturbo.jobs.errors.SfsTurboException;

/**
 * One try of an operation (one HTTP exchange): what the engine's attempt loop repeats as its decider says.
 * Defined by the boundary, driven by the engine through this interface only.
 *
 * @param <T> what a successful try yields
 */
public interface Exchange<T> {
  /**
   * Starts one try, bounded as a whole (connect, headers, body) by {@code timeoutNanos}.
   * Reports to the callback exactly once: with {@code sync} before returning, on the calling
   * thread; otherwise on any thread, later.
   *
   * @param timeoutNanos positive: the most the try may take
   * @param sync whether to run on the calling thread
   * @param callback told the outcome
   * @return a handle that aborts the try
   */
  Cancellable start(long timeoutNanos, boolean sync, Callback<T> callback);

  /**
   * Hears how a try ended.
   *
   * @param <T> what a successful try yields
   */
  interface Callback<T> {
    /**
     * A sync try is about to block: the handle lets another thread abort it meanwhile.
     *
     * @param handle aborts the try
     */
    default void started(Cancellable handle) {}

    /**
     * The try got a response; called before its outcome, and only for the try that reports it.
     *
     * @param status the HTTP status
     * @param requestId the response's request id, or null
     */
    default void responded(int status, String requestId) {}

    /**
     * The try gave a value.
     *
     * @param value the value
     */
    void succeeded(T value);

    /**
     * The try failed; every failure is already typed.
     *
     * @param failure why
     */
    void failed(SfsTurboException failure);
  }
}
