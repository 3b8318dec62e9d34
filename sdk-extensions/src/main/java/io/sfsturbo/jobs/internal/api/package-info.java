// SPDX-License-Identifier: Apache-2.0
/**
 * Internal to the SDK: not a public API, and may change in any release. Visible only because Java 8 has
 * no module boundaries.
 */
package io.sfsturbo.jobs.internal.api;
