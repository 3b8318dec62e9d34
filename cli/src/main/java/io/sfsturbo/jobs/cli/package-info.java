// SPDX-License-Identifier: Apache-2.0
/**
 * The {@code sfsturbo-jobs} command: show a job or wait for jobs to end, from a shell. Not a library API;
 * see docs/cli.md for its options and exit codes.
 */
package io.sfsturbo.jobs.cli;
