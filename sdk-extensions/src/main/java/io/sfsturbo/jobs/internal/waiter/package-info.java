// SPDX-License-Identifier: Apache-2.0
/**
 * Internal: the waiter behind {@code JobWaiter}: the poll schedule kept from the wait's start, the acceptors
 * that decide from the spec's terminal statuses when a wait ends, and the progress reporting that feeds
 * listeners and checkpoints. Not part of the API; it may change in any release.
 */
package io.sfsturbo.jobs.internal.waiter;
