// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

/** The values of {@code -o/--output}; picocli lists them in the help and the completion. */
enum OutputFormat {
  /** A table for people. */
  table,
  /** The API's JSON document on one line; an array of them when {@code wait} is given several jobs. */
  json,
  /** One JSON document per line (newline-delimited JSON), one per job. */
  ndjson
}
