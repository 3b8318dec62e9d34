// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.http;

import io.sfsturbo.jobs.config.CaBundle;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * Makes a client trust a CA bundle's roots instead of the JVM's, with the JVM's own certificate path and host
 * name checks: the bundle changes which roots are trusted, never whether certificates are checked.
 */
final class TrustedRoots {
  private TrustedRoots() {}

  static void apply(OkHttpClient.Builder http, CaBundle bundle) {
    try {
      KeyStore roots = KeyStore.getInstance(KeyStore.getDefaultType());
      roots.load(null, null);
      int i = 0;
      for (X509Certificate c : bundle.certificates()) {
        roots.setCertificateEntry("ca-" + i++, c);
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(roots);
      X509TrustManager trust = null;
      for (TrustManager m : factory.getTrustManagers()) {
        if (m instanceof X509TrustManager) {
          trust = (X509TrustManager) m;
        }
      }
      if (trust == null) {
        throw new IllegalStateException("the JVM's trust manager factory made no X509TrustManager");
      }
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(null, new TrustManager[] {trust}, null);
      http.sslSocketFactory(tls.getSocketFactory(), trust);
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("the JVM cannot build a trust store from " + bundle + ": " + e, e);
    }
  }
}
