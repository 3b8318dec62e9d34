// SPDX-License-Identifier: Apache-2.0
/**
 * Internal: how the engine reports attempts and waits to the installed {@code Telemetry} (probes that cost
 * nothing when none is installed, and the guard that keeps a throwing telemetry from changing an outcome). Not
 * part of the API; it may change in any release.
 */
package io.sfsturbo.jobs.internal.telemetry;
