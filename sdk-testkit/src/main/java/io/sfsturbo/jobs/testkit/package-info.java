// SPDX-License-Identifier: Apache-2.0
/**
 * Test your job handling without a cloud account: {@link io.sfsturbo.jobs.testkit.SfsTurboEmulator}
 * serves scripted jobs ({@link io.sfsturbo.jobs.testkit.JobScript}) over HTTP with token or AK/SK checks
 * and injectable faults; {@link io.sfsturbo.jobs.testkit.VirtualTime}, the SDK's time source for tests, makes
 * waits (sync and async) instant and deterministic.
 *
 * <pre>{@code
 * @RegisterExtension static SfsTurboEmulatorExtension sfs = SfsTurboEmulatorExtension.create();
 *
 * @Test void waitsForTheJob(SfsTurboEmulator emulator, SfsTurboJobsClient client) {
 *   emulator.addJob(JobScript.builder("job-1").status("running", 2).succeeds().build());
 *   assertTrue(client.waiter().waitFor("job-1", WaitOptions.defaults()).job().isSuccess());
 * }
 * }</pre>
 */
package io.sfsturbo.jobs.testkit;
