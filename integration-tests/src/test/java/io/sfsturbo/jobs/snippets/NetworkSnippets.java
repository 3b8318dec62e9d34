// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.snippets;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.config.CaBundle;
import io.sfsturbo.jobs.config.ProxyConfiguration;
import java.nio.file.Paths;

/** The snippets of docs/network.md: compiled; their behaviour is tested by ProxyAndTrustTest. */
final class NetworkSnippets {
  private NetworkSnippets() {}

  // BEGIN: network.proxy
  static SfsTurboJobsClient throughAProxy() {
    ProxyConfiguration proxy = ProxyConfiguration.builder()
        .host("proxy.example.com").port(3128)
        .username("alice").password(System.getenv("PROXY_PASSWORD"))
        .nonProxyHosts(".internal.example.com, 10.0.0.0/8")
        .build();
    return SfsTurboJobsClient.builder()
        .region("eu-de")
        .httpConfiguration(h -> h.proxy(proxy))
        .build();
  }
  // END: network.proxy

  // BEGIN: network.ca-bundle
  static SfsTurboJobsClient trustingCorporateRoots() {
    CaBundle corporateRoots = CaBundle.fromPemFile(Paths.get("/etc/pki/corp-root.pem"));
    return SfsTurboJobsClient.builder()
        .region("eu-de")
        .httpConfiguration(h -> h.caBundle(corporateRoots))
        .build();
  }
  // END: network.ca-bundle
}
