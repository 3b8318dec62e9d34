// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.temporal.snippets;

// BEGIN: temporal.workflow-interface
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

@WorkflowInterface
public interface ExpandWorkflow {
  @WorkflowMethod
  String expand(String jobId);
}
// END: temporal.workflow-interface
