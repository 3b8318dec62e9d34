// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import io.sfsturbo.jobs.testkit.JobScript;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;

/** The embedded emulator behind {@code --emulator}, pre-loaded with the demo jobs. */
final class DemoEmulator {
  private DemoEmulator() {}

  static SfsTurboEmulator start() {
    return load(SfsTurboEmulator.builder().build().start());
  }

  /** Adds the demo jobs to an emulator. */
  static SfsTurboEmulator load(SfsTurboEmulator emulator) {
    emulator.addJob(JobScript.builder("demo-success").jobType("bind_ldap")
        .status("waiting", 1).status("running", 3).succeeds()
        .subJob(JobScript.builder("demo-success-sub-1").jobType("configure_ldap").status("running", 2).succeeds())
        .subJob(JobScript.builder("demo-success-sub-2").jobType("restart_service").status("waiting", 2)
            .status("running", 2).succeeds())
        .build());
    emulator.addJob(JobScript.builder("demo-failed").jobType("expand")
        .status("running", 3).fails("SFS.TURBO.0038", "expanding the file system failed on one node")
        .subJob(JobScript.builder("demo-failed-sub-1").jobType("expand_node").status("running", 2).succeeds())
        .subJob(JobScript.builder("demo-failed-sub-2").jobType("expand_node").status("running", 3)
            .fails("SFS.TURBO.0032", "not enough block storage"))
        .build());
    emulator.addJob(JobScript.builder("demo-running").jobType("change_security_group")
        .status("running", 1).neverEnds().build());
    return emulator;
  }
}
