// SPDX-License-Identifier: Apache-2.0
/**
 * The SDK: the client, its configuration and its features. Compiled into META-INF/versions/9 of a jar
 * that runs on Java 8: a named module on the module path, the same classes on the class path. The
 * internal packages are not exported.
 */
module io.sfsturbo.jobs {
  requires transitive io.sfsturbo.jobs.generated;
  // In the public API: a caller may share its OkHttpClient.
  requires transitive okhttp3;
  requires com.google.gson;
  requires okio;
  requires org.slf4j;
  requires retrofit2;
  requires retrofit2.converter.gson;

  exports io.sfsturbo.jobs;
  exports io.sfsturbo.jobs.auth;
  exports io.sfsturbo.jobs.config;
  exports io.sfsturbo.jobs.errors;
  exports io.sfsturbo.jobs.region;
  exports io.sfsturbo.jobs.retry;
  exports io.sfsturbo.jobs.telemetry;
  exports io.sfsturbo.jobs.waiter;
}
