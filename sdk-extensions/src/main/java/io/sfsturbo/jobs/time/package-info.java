// SPDX-License-Identifier: Apache-2.0
/**
 * The SDK's time, as one typed option of the client builder: {@link io.sfsturbo.jobs.time.TimeSource}
 * ({@code TimeSource.system()} unless set; the test kit's {@code VirtualTime} in tests).
 */
package io.sfsturbo.jobs.time;
