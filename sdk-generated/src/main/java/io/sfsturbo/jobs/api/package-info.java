// SPDX-License-Identifier: Apache-2.0
/**
 * The API's operations as a Retrofit interface ({@link io.sfsturbo.jobs.api.JobsApi}), generated at build
 * time from the OpenAPI spec, for callers who want only the generated client; the SDK's client
 * ({@code io.sfsturbo.jobs.SfsTurboJobsClient}, artifact {@code sfsturbo-jobs-sdk}) builds its requests with
 * it and adds authentication, typed errors, retries and waiting.
 *
 * <!-- src_embed javadoc.raw-retrofit -->
 * <pre>
 * OkHttpClient http = new OkHttpClient.Builder&#40;&#41;
 *     .addInterceptor&#40;chain -&gt; chain.proceed&#40;chain.request&#40;&#41;.newBuilder&#40;&#41;
 *         .header&#40;&quot;X-Auth-Token&quot;, token&#41;
 *         .header&#40;&quot;Content-Type&quot;, &quot;application&#47;json&quot;&#41;
 *         .build&#40;&#41;&#41;&#41;
 *     .build&#40;&#41;;
 * JobsApi api = new Retrofit.Builder&#40;&#41;
 *     .baseUrl&#40;endpoint&#41;
 *     .client&#40;http&#41;
 *     .addConverterFactory&#40;GsonConverterFactory.create&#40;&#41;&#41;
 *     .build&#40;&#41;
 *     .create&#40;JobsApi.class&#41;;
 * JobDetail job = api.showJobDetail&#40;projectId, jobId&#41;.execute&#40;&#41;.body&#40;&#41;;
 * </pre>
 * <!-- end javadoc.raw-retrofit -->
 */
package io.sfsturbo.jobs.api;
