// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.engine;

import io.sfsturbo.jobs.errors.SfsTurboException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The future an async call or wait hands its caller. It belongs to the caller: whatever the caller does to
 * it ({@code complete}, {@code completeExceptionally}, {@code cancel}, {@code obtrudeValue},
 * {@code obtrudeException}, or {@code orTimeout} and {@code completeOnTimeout}, which complete it) stops the
 * loop underneath: no further try is sent and the one in flight is cancelled. Only the loop completes it
 * without stopping itself, through {@link #finish} and {@link #finishExceptionally}. The try in flight is
 * reported abandoned before the future completes, so that telemetry hears it end before its call or wait.
 *
 * @param <R> the result
 */
final class CallerFuture<R> extends CompletableFuture<R> {
  private final AttemptLoop<?, R> loop;

  CallerFuture(AttemptLoop<?, R> loop) {
    this.loop = loop;
  }

  boolean finish(R value) {
    return super.complete(value);
  }

  boolean finishExceptionally(Throwable failure) {
    return super.completeExceptionally(failure);
  }

  @Override
  public boolean complete(R value) {
    loop.stoppingByCaller();
    boolean changed = super.complete(value);
    loop.stoppedByCaller();
    return changed;
  }

  @Override
  public boolean completeExceptionally(Throwable failure) {
    loop.stoppingByCaller();
    boolean changed = super.completeExceptionally(failure);
    loop.stoppedByCaller();
    return changed;
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    loop.stoppingByCaller();
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    loop.stoppedByCaller();
    return cancelled;
  }

  @Override
  public void obtrudeValue(R value) {
    loop.stoppingByCaller();
    super.obtrudeValue(value);
    loop.stoppedByCaller();
  }

  @Override
  public void obtrudeException(Throwable failure) {
    loop.stoppingByCaller();
    super.obtrudeException(failure);
    loop.stoppedByCaller();
  }

  /** A sync run's result, or its failure thrown as it is (its type kept, no wrapper); the run has ended. */
  R resultOfSyncRun() {
    try {
      return get();
    } catch (ExecutionException e) {
      throw rethrowable(e.getCause());
    } catch (CancellationException e) {
      throw new SfsTurboException("the call was cancelled", e);
    } catch (InterruptedException e) {
      // Unreachable: the loop is done here, so get() does not block.
      Thread.currentThread().interrupt();
      throw new SfsTurboException("interrupted", e);
    }
  }

  private static RuntimeException rethrowable(Throwable cause) {
    if (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof RuntimeException) {
      return (RuntimeException) cause;
    }
    if (cause instanceof Error) {
      throw (Error) cause;
    }
    return new SfsTurboException(String.valueOf(cause), cause);
  }
}
