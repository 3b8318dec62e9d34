// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import java.io.Writer;

/** Discards everything: {@code --progress none}. */
final class NullWriter extends Writer {
  static final NullWriter INSTANCE = new NullWriter();

  @Override
  public void write(char[] cbuf, int off, int len) {
    // discarded on purpose
  }

  @Override
  public void flush() {
    // nothing buffered
  }

  @Override
  public void close() {
    // nothing to release
  }
}
