// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * A self-signed certificate for {@code localhost} and {@code 127.0.0.1}, made in memory: an HTTPS
 * MockWebServer presents it, and a CA bundle file holding it makes a client trust that server (and no other).
 *
 * <pre>{@code
 * TlsFixtures tls = TlsFixtures.create();
 * tls.serveHttps(server);
 * Path bundle = tls.writeCaBundle(dir);
 * }</pre>
 */
public final class TlsFixtures {
  private final HeldCertificate certificate;

  private TlsFixtures(HeldCertificate certificate) {
    this.certificate = certificate;
  }

  /** Makes a new self-signed certificate (an EC key: quick to make). */
  public static TlsFixtures create() {
    return new TlsFixtures(new HeldCertificate.Builder().commonName("sfsturbo test server")
        .addSubjectAlternativeName("localhost").addSubjectAlternativeName("127.0.0.1").build());
  }

  /** Makes a server (not yet started) present the certificate. */
  public void serveHttps(MockWebServer server) {
    server.useHttps(new HandshakeCertificates.Builder().heldCertificate(certificate).build().sslSocketFactory());
  }

  /** Returns the certificate as PEM. */
  public String certificatePem() {
    return certificate.certificatePem();
  }

  /** Writes the certificate as a PEM CA bundle {@code ca.pem} in the directory. */
  public Path writeCaBundle(Path dir) throws IOException {
    Path file = dir.resolve("ca-" + System.identityHashCode(this) + ".pem");
    Files.write(file, certificatePem().getBytes(StandardCharsets.US_ASCII));
    return file;
  }
}
