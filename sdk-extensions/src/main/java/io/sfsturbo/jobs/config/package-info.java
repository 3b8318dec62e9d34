// SPDX-License-Identifier: Apache-2.0
/**
 * How a client is configured beyond its endpoint, project and credentials, in three immutable values:
 * {@link io.sfsturbo.jobs.config.ClientOverrideConfiguration} (a call's budget, the bound of one attempt, the
 * retry policy, the client-side rate limit), {@link io.sfsturbo.jobs.config.HttpConfiguration} (connect and
 * read timeouts, the response size limit, a proxy, a User-Agent suffix, plain http for tests, a shared
 * {@code OkHttpClient}) and {@link io.sfsturbo.jobs.config.Environment} (where defaults such as
 * {@code HUAWEICLOUD_SDK_REGION} and {@code ~/.huaweicloud/credentials} are read).
 *
 * <pre>{@code
 * SfsTurboJobsClient client = SfsTurboJobsClient.builder()
 *     .region("eu-de")
 *     .overrideConfiguration(o -> o.callTimeout(Duration.ofSeconds(30)))
 *     .httpConfiguration(h -> h.connectTimeout(Duration.ofSeconds(5)))
 *     .build();
 * }</pre>
 *
 * <p>The repository's {@code docs/configuration.md} lists every setting and its default.
 */
package io.sfsturbo.jobs.config;
