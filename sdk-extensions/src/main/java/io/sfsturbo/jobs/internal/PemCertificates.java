// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * Reads the certificates of a PEM bundle (as curl's {@code --cacert} takes it): every
 * {@code BEGIN CERTIFICATE} block, text between blocks ignored. A private key is refused: a trust bundle has
 * no use for one, so a key there means the wrong file was named. Faults are told by block number and line,
 * never by content.
 */
public final class PemCertificates {
  /** More than any real bundle holds (the Mozilla bundle has about 150). */
  public static final int MAX_CERTIFICATES = 1000;
  private static final String BEGIN = "-----BEGIN CERTIFICATE-----";
  private static final String END = "-----END CERTIFICATE-----";

  private PemCertificates() {}

  /** Why a bundle was refused: a phrase that follows the bundle's name. */
  public static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * Parses a bundle's text.
   *
   * @param text the PEM text
   * @return its certificates, at least one
   * @throws Invalid when it holds none, a private key, or a block that is not a certificate
   */
  public static List<X509Certificate> parse(String text) throws Invalid {
    if (text.trim().isEmpty()) {
      throw new Invalid("is empty");
    }
    if (text.contains("PRIVATE KEY-----")) {
      throw new Invalid("holds a private key; a CA bundle holds certificates only (was another file meant?)");
    }
    CertificateFactory factory;
    try {
      factory = CertificateFactory.getInstance("X.509");
    } catch (CertificateException e) {
      throw new IllegalStateException("the JVM has no X.509 certificate factory", e);
    }
    List<X509Certificate> certificates = new ArrayList<>();
    int from = 0;
    int begin;
    while ((begin = text.indexOf(BEGIN, from)) >= 0) {
      int number = certificates.size() + 1;
      String where = "certificate " + number + " (line " + line(text, begin) + ")";
      int end = text.indexOf(END, begin);
      if (end < 0) {
        throw new Invalid("has no " + END + " for " + where);
      }
      if (certificates.size() == MAX_CERTIFICATES) {
        throw new Invalid("holds more than " + MAX_CERTIFICATES + " certificates");
      }
      String body = text.substring(begin + BEGIN.length(), end).replaceAll("\\s", "");
      byte[] der;
      try {
        der = Base64.getDecoder().decode(body);
      } catch (IllegalArgumentException e) {
        throw new Invalid("has text that is not base64 in " + where);
      }
      try {
        certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
      } catch (CertificateException | RuntimeException e) {
        throw new Invalid("has a block that is not an X.509 certificate: " + where);
      }
      from = end + END.length();
    }
    if (certificates.isEmpty()) {
      throw new Invalid("holds no PEM certificate (no " + BEGIN + " line)");
    }
    return Collections.unmodifiableList(certificates);
  }

  private static int line(String text, int index) {
    int line = 1;
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
