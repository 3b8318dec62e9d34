// SPDX-License-Identifier: Apache-2.0
/**
 * The API's operations as a Retrofit interface ({@link io.sfsturbo.jobs.api.JobsApi}), generated at build
 * time from the OpenAPI spec, for callers who want only the generated client; the SDK's client
 * ({@code io.sfsturbo.jobs.SfsTurboJobsClient}, artifact {@code sfsturbo-jobs-sdk}) builds its requests with
 * it and adds authentication, typed errors, retries and waiting.
 *
 * <pre>{@code
 * OkHttpClient http = new OkHttpClient.Builder()
 *     .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
 *         .header("X-Auth-Token", token).header("Content-Type", "application/json").build()))
 *     .build();
 * JobsApi api = new Retrofit.Builder()
 *     .baseUrl("https://sfs-turbo.eu-de.otc.t-systems.com/")
 *     .client(http)
 *     .addConverterFactory(GsonConverterFactory.create())
 *     .build()
 *     .create(JobsApi.class);
 * JobDetail job = api.showJobDetail(projectId, jobId).execute().body();
 * }</pre>
 */
package io.sfsturbo.jobs.api;
