// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testkit;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test a running emulator and a client configured for it, in one line; a test takes them as
 * parameters, or from {@link #emulator()} and {@link #client()}:
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
 * <p>Also usable as {@code @ExtendWith(SfsTurboEmulatorExtension.class)}. A fresh emulator is started
 * before each test and closed after it, with its client.
 */
public final class SfsTurboEmulatorExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private final Consumer<SfsTurboEmulator.Builder> configuration;
  private SfsTurboEmulator emulator;
  private SfsTurboJobsClient client;

  /** Creates the extension with the emulator's defaults (for {@code @ExtendWith}). */
  public SfsTurboEmulatorExtension() {
    this(b -> { });
  }

  private SfsTurboEmulatorExtension(Consumer<SfsTurboEmulator.Builder> configuration) {
    this.configuration = configuration;
  }

  /** Returns the extension with the emulator's defaults. */
  public static SfsTurboEmulatorExtension create() {
    return new SfsTurboEmulatorExtension();
  }

  /**
   * Returns the extension with a configured emulator.
   *
   * @param configuration sets up the emulator's builder (auth, clock, project)
   * @return the extension
   */
  public static SfsTurboEmulatorExtension configured(Consumer<SfsTurboEmulator.Builder> configuration) {
    return new SfsTurboEmulatorExtension(configuration);
  }

  /** Returns the running emulator of the current test. */
  public SfsTurboEmulator emulator() {
    return emulator;
  }

  /** Returns the client of the current test, aimed at the emulator. */
  public SfsTurboJobsClient client() {
    return client;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    SfsTurboEmulator.Builder builder = SfsTurboEmulator.builder();
    configuration.accept(builder);
    emulator = builder.build().start();
    client = emulator.newClient();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (client != null) {
      client.close();
    }
    if (emulator != null) {
      emulator.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
    Class<?> type = parameter.getParameter().getType();
    return type == SfsTurboEmulator.class || type == SfsTurboJobsClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
    return parameter.getParameter().getType() == SfsTurboEmulator.class ? emulator : client;
  }
}
