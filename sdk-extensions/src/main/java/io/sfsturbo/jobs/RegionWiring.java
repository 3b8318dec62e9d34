// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs;

import io.sfsturbo.jobs.auth.Credentials;
import io.sfsturbo.jobs.auth.IamPasswordCredentials;
import io.sfsturbo.jobs.config.ClientOverrideConfiguration;
import io.sfsturbo.jobs.config.HttpConfiguration;
import io.sfsturbo.jobs.internal.http.EndpointFailover;
import io.sfsturbo.jobs.internal.http.ProjectIdLookup;
import io.sfsturbo.jobs.time.TimeSource;
import java.net.URI;
import java.util.List;
import okhttp3.OkHttpClient;

/**
 * The parts of a client that come from its region rather than its transport: IAM password credentials
 * completed with the client's region and IAM endpoint, the project id looked up from IAM when none is set, and
 * failover between a region's endpoints. Kept apart from {@link ClientWiring}'s transport building.
 */
final class RegionWiring {
  private RegionWiring() {}

  /**
   * Token calls (IAM) go through the same settings, and are closed with this client. They are bounded as a whole
   * by the attempt timeout: a token call runs inside an attempt, on the caller's thread for a sync call, where
   * the attempt's watchdog cannot reach it.
   */
  static Credentials bind(ClientDefaults target, OkHttpClient plain, ClientOverrideConfiguration override,
      HttpConfiguration httpConfig) {
    if (!(target.credentials instanceof IamPasswordCredentials)) {
      return target.credentials;
    }
    OkHttpClient tokenCalls = plain.newBuilder().callTimeout(override.attemptTimeout()).build();
    return ((IamPasswordCredentials) target.credentials).withClientDefaults(target.regionId,
        target.iam == null ? null : target.iam.endpoint, httpConfig.allowInsecureHttp()).withHttpClient(tokenCalls);
  }

  /**
   * The project id set, or the region's as IAM lists it, looked up once (bounded by the attempt timeout). A
   * failed lookup releases the connections the client opened before it leaves.
   */
  static String projectId(ClientDefaults target, OkHttpClient plain, Credentials credentials,
      ClientOverrideConfiguration override, TimeSource time, boolean ownsHttpClient) {
    if (target.projectId != null) {
      return target.projectId;
    }
    try {
      return ProjectIdLookup.lookup(plain, credentials, time, target.iam.endpoint, target.iam.source, target.regionId,
          override.attemptTimeout());
    } catch (RuntimeException e) {
      if (ownsHttpClient) {
        plain.connectionPool().evictAll();
      }
      throw e;
    }
  }

  /** With several endpoints, a request that never reached one moves to the next (before it is signed). */
  static void addFailover(OkHttpClient.Builder sending, List<URI> endpoints) {
    if (endpoints.size() > 1) {
      sending.addInterceptor(new EndpointFailover(endpoints));
    }
  }
}
