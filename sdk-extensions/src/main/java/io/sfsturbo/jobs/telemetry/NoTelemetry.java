// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.telemetry;

/** The default: records nothing. A class of its own so that the SDK can tell it apart. */
final class NoTelemetry implements Telemetry {
  static final NoTelemetry INSTANCE = new NoTelemetry();

  private NoTelemetry() {}

  @Override
  public String toString() {
    return "Telemetry.none()";
  }
}
