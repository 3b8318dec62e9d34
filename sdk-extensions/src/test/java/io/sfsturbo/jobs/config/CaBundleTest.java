// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A CA bundle is read when made, within a bound, and every fault names the setting that named the file. */
class CaBundleTest {
  @TempDir
  Path dir;

  private static final String PEM = new HeldCertificate.Builder().commonName("root one").build().certificatePem();
  private static final String PEM2 = new HeldCertificate.Builder().commonName("root two").build().certificatePem();

  private Path file(String text) throws Exception {
    Path f = Files.createTempFile(dir, "bundle", ".pem");
    Files.write(f, text.getBytes(StandardCharsets.UTF_8));
    return f;
  }

  @Test
  void readsEveryCertificateAndIgnoresTextBetweenThem() throws Exception {
    CaBundle b = CaBundle.fromPemFile(file("# corporate roots\n" + PEM + "\nroot two follows\n" + PEM2));
    assertEquals(2, b.certificates().size());
    assertTrue(b.certificates().get(1).getSubjectX500Principal().getName().contains("root two"));
    assertTrue(b.toString().endsWith(", 2 certificates}"), b.toString());
    assertEquals(b, CaBundle.fromPemFile(file(PEM + PEM2)));
  }

  @Test
  void everyFaultNamesTheSettingAndWhatIsWrong() throws Exception {
    Path bigFile = dir.resolve("big.pem");
    Files.write(bigFile, new byte[CaBundle.MAX_BYTES + 1]);
    Object[][] cases = {
        {dir.resolve("missing.pem"), "no such file"},
        {dir, "is a directory"},
        {file(""), "is empty"},
        {file("   \n"), "is empty"},
        {file("just some text\n"), "holds no PEM certificate"},
        {file("-----BEGIN CERTIFICATE-----\n!!!not base64!!!\n-----END CERTIFICATE-----\n"),
            "not base64 in certificate 1 (line 1)"},
        {file(PEM + "\n-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"),
            "not an X.509 certificate: certificate 2"},
        {file(PEM + "-----BEGIN CERTIFICATE-----\nMIIB\n"), "has no -----END CERTIFICATE----- for certificate 2"},
        {file(PEM + "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"), "holds a private key"},
        {bigFile, "is larger than 1 MiB"}};
    for (Object[] c : cases) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> CaBundle.fromPemFile((Path) c[0], "--ca-bundle"), String.valueOf(c[0]));
      assertTrue(e.getMessage().startsWith("--ca-bundle: " + c[0]), e.getMessage());
      assertTrue(e.getMessage().contains((String) c[1]), e.getMessage());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CaBundle.fromPemFile(dir.resolve("missing.pem")));
    assertTrue(e.getMessage().startsWith("caBundle: "), e.getMessage());
  }

  @Test
  void aPrivateKeyIsNeverQuotedInTheMessage() throws Exception {
    HeldCertificate held = new HeldCertificate.Builder().build();
    String key = held.privateKeyPkcs8Pem();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> CaBundle.fromPemFile(file(held.certificatePem() + key)));
    String body = key.split("\n")[1];
    assertTrue(!e.getMessage().contains(body.substring(0, 16)), e.getMessage());
  }
}
