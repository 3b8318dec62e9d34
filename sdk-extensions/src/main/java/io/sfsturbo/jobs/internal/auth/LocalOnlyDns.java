// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Dns;

/**
 * Resolves a host only to loopback or link-local addresses: plain http to the metadata service is safe only
 * when its packets never leave the machine or its link, and a name (or a DNS answer) pointing elsewhere would
 * send the request, and bring back keys, across the network unencrypted.
 */
final class LocalOnlyDns implements Dns {
  static final LocalOnlyDns INSTANCE = new LocalOnlyDns();

  private LocalOnlyDns() {}

  @Override
  public List<InetAddress> lookup(String hostname) throws UnknownHostException {
    List<InetAddress> local = new ArrayList<>();
    for (InetAddress a : Dns.SYSTEM.lookup(hostname)) {
      if (isLocal(a)) {
        local.add(a);
      }
    }
    if (local.isEmpty()) {
      throw new UnknownHostException(hostname + " has no loopback or link-local address; plain http to the metadata "
          + "service goes only there (use https for another address)");
    }
    return local;
  }

  static boolean isLocal(InetAddress a) {
    return a.isLoopbackAddress() || a.isLinkLocalAddress();
  }
}
