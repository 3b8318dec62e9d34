// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.snippets;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.api.JobsApi;
import io.sfsturbo.jobs.auth.AkSkCredentials;
import io.sfsturbo.jobs.auth.Credentials;
import io.sfsturbo.jobs.auth.DefaultCredentialsChain;
import io.sfsturbo.jobs.auth.IamPasswordCredentials;
import io.sfsturbo.jobs.auth.TokenCredentials;
import io.sfsturbo.jobs.config.Environment;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.retry.AdaptiveRateLimit;
import io.sfsturbo.jobs.retry.RetryPolicy;
import io.sfsturbo.jobs.testkit.JobScript;
import io.sfsturbo.jobs.testkit.SfsTurboEmulator;
import io.sfsturbo.jobs.testkit.SfsTurboEmulatorExtension;
import io.sfsturbo.jobs.testkit.VirtualTime;
import io.sfsturbo.jobs.waiter.JobProgressListener;
import io.sfsturbo.jobs.waiter.JobWaiter;
import io.sfsturbo.jobs.waiter.WaitCheckpoint;
import io.sfsturbo.jobs.waiter.WaitOptions;
import io.sfsturbo.jobs.waiter.WaitResult;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import retrofit2.Retrofit;
import retrofit2.converter.gson.GsonConverterFactory;

/**
 * The examples embedded in the Javadoc of sdk-extensions, sdk-generated and sdk-testkit: short lines, since
 * the plugin escapes them into HTML. The method parameters stand for what a caller has at hand.
 */
final class JavadocSnippets {
  private JavadocSnippets() {}

  static void client(String projectId, String accessKey, String secretKey, String jobId) {
    // BEGIN: javadoc.client
    try (SfsTurboJobsClient client = SfsTurboJobsClient.builder()
        .region("eu-de")
        .projectId(projectId)
        .credentials(AkSkCredentials.of(accessKey, secretKey))
        .build()) {
      JobDetail job = client.showJobDetail(jobId);
      WaitResult done = client.waiter().waitFor(jobId, WaitOptions.defaults());
    }
    // END: javadoc.client
  }

  static SfsTurboJobsClient builder(String projectId, String token) {
    // BEGIN: javadoc.builder
    SfsTurboJobsClient client = SfsTurboJobsClient.builder()
        .region("eu-de")
        .projectId(projectId)
        .credentials(TokenCredentials.of(token))
        .overrideConfiguration(o -> o.callTimeout(Duration.ofSeconds(30)))
        .httpConfiguration(h -> h.connectTimeout(Duration.ofSeconds(5)))
        .build();
    // END: javadoc.builder
    return client;
  }

  static WaitResult waiter(SfsTurboJobsClient client, String jobId) {
    // BEGIN: javadoc.waiter
    JobWaiter waiter = client.waiter();
    WaitResult done = waiter.waitFor(jobId, WaitOptions.defaults());     // on this thread
    CompletableFuture<WaitResult> later = waiter.waitForAsync(jobId, WaitOptions.defaults());
    // END: javadoc.waiter
    return later.join();
  }

  static WaitOptions waitOptions() {
    // BEGIN: javadoc.wait-options
    WaitOptions options = WaitOptions.builder()
        .pollInterval(Duration.ofSeconds(5))
        .maxInterval(Duration.ofMinutes(1))
        .timeout(Duration.ofHours(1))
        .build();
    // END: javadoc.wait-options
    return options;
  }

  static WaitResult checkpoint(SfsTurboJobsClient client, String jobId, Map<String, String> store) {
    // BEGIN: javadoc.checkpoint
    JobProgressListener saver = new JobProgressListener() {
      @Override
      public void onCheckpoint(WaitCheckpoint checkpoint) {
        store.put(jobId, checkpoint.toText());
      }
    };
    // ... the process stops; later, in any JVM:
    WaitCheckpoint saved = WaitCheckpoint.parse(store.get(jobId));
    WaitResult done = client.waiter().waitFor(saved, saver);
    // END: javadoc.checkpoint
    return done;
  }

  static SfsTurboJobsClient retryPolicy() {
    // BEGIN: javadoc.retry-policy
    RetryPolicy patient = RetryPolicy.builder()
        .maxAttempts(5)
        .maxRetryAfter(Duration.ofSeconds(30))
        .build();
    SfsTurboJobsClient client = SfsTurboJobsClient.builder()
        .region("eu-de")
        .overrideConfiguration(o -> o.retryPolicy(patient))
        .build();
    // END: javadoc.retry-policy
    return client;
  }

  static SfsTurboJobsClient rateLimit() {
    // BEGIN: javadoc.rate-limit
    SfsTurboJobsClient client = SfsTurboJobsClient.builder()
        .region("eu-de")
        .overrideConfiguration(o -> o.rateLimit(
            AdaptiveRateLimit.builder().maxRequestsPerSecond(50).build()))
        .build();
    // END: javadoc.rate-limit
    return client;
  }

  static Credentials[] akSk(String accessKey, String secretKey, String securityToken) {
    // BEGIN: javadoc.aksk
    Credentials keys = AkSkCredentials.of(accessKey, secretKey);
    Credentials temporary = AkSkCredentials.temporary(accessKey, secretKey, securityToken);
    // END: javadoc.aksk
    return new Credentials[] {keys, temporary};
  }

  static Credentials[] token(String token, Supplier<String> currentToken) {
    // BEGIN: javadoc.token
    Credentials fixed = TokenCredentials.of(token);
    Credentials renewed = TokenCredentials.fromSupplier(currentToken);  // asked before each request
    // END: javadoc.token
    return new Credentials[] {fixed, renewed};
  }

  static Credentials iamPassword(String password) {
    // BEGIN: javadoc.iam-password
    Credentials iam = IamPasswordCredentials.builder()   // IAM endpoint and scope: the client's region
        .domainName("my-account")
        .userName("my-user")
        .password(password)
        .build();
    // END: javadoc.iam-password
    return iam;
  }

  static Credentials defaultChain() {
    // BEGIN: javadoc.default-chain
    Credentials fromEnvironment = DefaultCredentialsChain.resolve(Environment.system());
    // END: javadoc.default-chain
    return fromEnvironment;
  }

  static JobDetail rawRetrofit(String endpoint, String token, String projectId, String jobId)
      throws IOException {
    // BEGIN: javadoc.raw-retrofit
    OkHttpClient http = new OkHttpClient.Builder()
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
            .header("X-Auth-Token", token)
            .header("Content-Type", "application/json")
            .build()))
        .build();
    JobsApi api = new Retrofit.Builder()
        .baseUrl(endpoint)
        .client(http)
        .addConverterFactory(GsonConverterFactory.create())
        .build()
        .create(JobsApi.class);
    JobDetail job = api.showJobDetail(projectId, jobId).execute().body();
    // END: javadoc.raw-retrofit
    return job;
  }

  static void emulator() {
    // BEGIN: javadoc.emulator
    try (SfsTurboEmulator emulator = SfsTurboEmulator.builder().build().start();
        SfsTurboJobsClient client = emulator.newClient()) {
      emulator.addJob(JobScript.builder("job-1")
          .status("running", 2)
          .succeeds()
          .build());
      WaitResult done = client.waiter()
          .waitFor("job-1", o -> o.pollInterval(Duration.ofMillis(10)));
    }
    // END: javadoc.emulator
  }

  static List<Duration> virtualTime(SfsTurboEmulator emulator) {
    // BEGIN: javadoc.virtual-time
    VirtualTime time = VirtualTime.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
    SfsTurboJobsClient client = emulator.clientBuilder()
        .timeSource(time)
        .build();
    client.waiter().waitFor("job-1", WaitOptions.defaults());   // no wall time
    List<Duration> delays = time.delays();    // every delay the SDK chose
    client.close();
    // END: javadoc.virtual-time
    return delays;
  }

  // BEGIN: javadoc.extension
  @RegisterExtension
  static SfsTurboEmulatorExtension sfs = SfsTurboEmulatorExtension.create();

  @Test
  void waits(SfsTurboEmulator emulator, SfsTurboJobsClient client) {
    emulator.addJob(JobScript.builder("job-1").succeeds().build());
    client.waiter().waitFor("job-1", WaitOptions.defaults());
  }
  // END: javadoc.extension
}
