// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * Where a test replaces what a production builder does not let a user set: the clock, how a
 * synchronous wait sleeps, the jitter draws and the environment variables. The builders register
 * a view of themselves here; the test kit (its {@code TestHooks} and
 * {@code VirtualTime}) is the supported way in, so that the builders' public API stays what a
 * production caller needs.
 */
public final class TestSeam {
  private static final Map<Class<?>, Function<Object, Settings>> VIEWS = new ConcurrentHashMap<>();

  private TestSeam() {}

  /** The settings of one builder that a test may replace; made by {@link #settings}. */
  public interface Settings {
    /**
     * Replaces the clock.
     *
     * @param clock the clock
     */
    void clock(Clock clock);

    /**
     * Replaces how synchronous waits pause.
     *
     * @param sleeper the sleeper
     */
    void sleeper(Sleeper sleeper);

    /**
     * Replaces the jitter draws (numbers in [0, 1)).
     *
     * @param jitter the source
     */
    void jitter(DoubleSupplier jitter);

    /**
     * Replaces the environment variables read for defaults.
     *
     * @param environment the variables
     * @throws UnsupportedOperationException for a builder that reads none
     */
    void environment(Map<String, String> environment);
  }

  /**
   * Returns settings that hand each replaced value, checked for null, to a setter; a null setter
   * means the builder has no such setting.
   *
   * @param clock sets the clock, or null
   * @param sleeper sets the sleeper, or null
   * @param jitter sets the jitter source, or null
   * @param environment sets the environment, or null
   * @return the settings
   */
  public static Settings settings(Consumer<Clock> clock, Consumer<Sleeper> sleeper, Consumer<DoubleSupplier> jitter,
      Consumer<Map<String, String>> environment) {
    return new Settings() {
      @Override
      public void clock(Clock c) {
        set(clock, c, "a clock");
      }

      @Override
      public void sleeper(Sleeper s) {
        set(sleeper, s, "a sleeper");
      }

      @Override
      public void jitter(DoubleSupplier j) {
        set(jitter, j, "a jitter source");
      }

      @Override
      public void environment(Map<String, String> e) {
        set(environment, e, "an environment");
      }

      private <T> void set(Consumer<T> setter, T value, String what) {
        if (setter == null) {
          throw new UnsupportedOperationException("this builder takes no " + what);
        }
        setter.accept(Objects.requireNonNull(value, what));
      }
    };
  }

  /**
   * Registers how to reach a builder type's settings; called from the builder's class initializer.
   *
   * @param builderType the builder class
   * @param view returns the settings of one builder
   * @param <B> the builder type
   */
  @SuppressWarnings("unchecked")
  public static <B> void register(Class<B> builderType, Function<B, Settings> view) {
    VIEWS.put(builderType, (Function<Object, Settings>) view);
  }

  /**
   * Returns the replaceable settings of a builder.
   *
   * @param builder a builder of the SDK
   * @return its settings
   * @throws IllegalArgumentException for an object that registered none
   */
  public static Settings of(Object builder) {
    Objects.requireNonNull(builder, "builder");
    Function<Object, Settings> view = VIEWS.get(builder.getClass());
    if (view == null) {
      throw new IllegalArgumentException(builder.getClass().getName() + " has no test settings");
    }
    return view.apply(builder);
  }
}
