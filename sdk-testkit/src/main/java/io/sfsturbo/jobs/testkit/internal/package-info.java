// SPDX-License-Identifier: Apache-2.0
/** Internal to the test kit: not a public API, and may change in any release. */
package io.sfsturbo.jobs.testkit.internal;
