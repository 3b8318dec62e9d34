// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.config;

import io.sfsturbo.jobs.internal.BoundedFile;
import io.sfsturbo.jobs.internal.PemCertificates;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * The certificate authorities a client trusts instead of the JVM's: a PEM file of one or more certificates,
 * for a private cloud's root or the root of a proxy that inspects TLS (curl's {@code --cacert}, the official
 * SDKs' custom trust store). Certificates and host names are still checked, against these roots only; include
 * the public roots too when the same client must also reach public endpoints. Read when made, so that a wrong
 * file fails before any request. An immutable value.
 *
 * <pre>{@code
 * SfsTurboJobsClient.builder().httpConfiguration(h -> h.caBundle(CaBundle.fromPemFile(Paths.get("corp-root.pem"))));
 * }</pre>
 */
public final class CaBundle {
  /** The largest bundle read: 1 MiB, five times the Mozilla bundle. */
  public static final int MAX_BYTES = 1024 * 1024;

  private final String source;
  private final List<X509Certificate> certificates;

  private CaBundle(String source, List<X509Certificate> certificates) {
    this.source = source;
    this.certificates = certificates;
  }

  /**
   * Reads a PEM file; messages name it {@code caBundle}.
   *
   * @param file the file
   * @return the bundle
   * @throws IllegalArgumentException when the file is missing, not a regular file, larger than
   *     {@link #MAX_BYTES}, empty, or holds no certificate or something else than certificates
   */
  public static CaBundle fromPemFile(Path file) {
    return fromPemFile(file, "caBundle");
  }

  /**
   * Reads a PEM file; messages name the setting that named it, such as {@code --ca-bundle} or
   * {@code SFSTURBO_CA_BUNDLE}.
   *
   * @param file the file
   * @param setting the flag, variable or option that named the file
   * @return the bundle
   * @throws IllegalArgumentException as {@link #fromPemFile(Path)}, the message starting with the setting
   */
  public static CaBundle fromPemFile(Path file, String setting) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(setting, "setting");
    String name = setting + ": " + file;
    try {
      return new CaBundle(file.toString(), PemCertificates.parse(BoundedFile.readUtf8(file, MAX_BYTES)));
    } catch (BoundedFile.Refused e) {
      throw new IllegalArgumentException(name + " " + e.getMessage() + " (a CA bundle is a PEM file of "
          + "certificates)", null);
    } catch (PemCertificates.Invalid e) {
      throw new IllegalArgumentException(name + " " + e.getMessage(), null);
    }
  }

  /**
   * Returns the trusted certificates.
   *
   * @return an unmodifiable list, at least one
   */
  public List<X509Certificate> certificates() {
    return certificates;
  }

  /**
   * Returns the file it was read from.
   *
   * @return the path as given
   */
  public String source() {
    return source;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CaBundle && certificates.equals(((CaBundle) o).certificates);
  }

  @Override
  public int hashCode() {
    return certificates.hashCode();
  }

  @Override
  public String toString() {
    return "CaBundle{" + source + ", " + certificates.size() + " certificate" + (certificates.size() == 1 ? "" : "s")
        + '}';
  }
}
