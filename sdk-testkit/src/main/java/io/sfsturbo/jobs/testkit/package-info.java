// SPDX-License-Identifier: Apache-2.0
/**
 * Test your job handling without a cloud account: {@link io.sfsturbo.jobs.testkit.SfsTurboEmulator}
 * serves scripted jobs ({@link io.sfsturbo.jobs.testkit.JobScript}) over HTTP with token or AK/SK checks
 * and injectable faults; {@link io.sfsturbo.jobs.testkit.VirtualTime}, the SDK's time source for tests, makes
 * waits (sync and async) instant and deterministic.
 *
 * <!-- src_embed javadoc.extension -->
 * <pre>
 * &#64;RegisterExtension
 * static SfsTurboEmulatorExtension sfs = SfsTurboEmulatorExtension.create&#40;&#41;;
 *
 * &#64;Test
 * void waits&#40;SfsTurboEmulator emulator, SfsTurboJobsClient client&#41; &#123;
 *   emulator.addJob&#40;JobScript.builder&#40;&quot;job-1&quot;&#41;.succeeds&#40;&#41;.build&#40;&#41;&#41;;
 *   client.waiter&#40;&#41;.waitFor&#40;&quot;job-1&quot;, WaitOptions.defaults&#40;&#41;&#41;;
 * &#125;
 * </pre>
 * <!-- end javadoc.extension -->
 *
 * <p>The repository's {@code docs/testing.md} shows scripted jobs, faults and virtual time.
 */
package io.sfsturbo.jobs.testkit;
