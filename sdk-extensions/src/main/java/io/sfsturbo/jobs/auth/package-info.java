// SPDX-License-Identifier: Apache-2.0
/**
 * Credentials: where each request's {@link io.sfsturbo.jobs.auth.Identity} comes from. An IAM token
 * ({@link io.sfsturbo.jobs.auth.TokenCredentials}, or fetched and renewed by
 * {@link io.sfsturbo.jobs.auth.IamPasswordCredentials}) or an access key pair that the SDK signs with
 * ({@link io.sfsturbo.jobs.auth.AkSkCredentials}); without any, the client reads the environment
 * ({@link io.sfsturbo.jobs.auth.DefaultCredentialsChain}). Your own source is one lambda:
 *
 * <pre>{@code
 * Credentials fromVault = () -> Identity.token(vault.read("sfs-turbo-token"));
 * SfsTurboJobsClient client = SfsTurboJobsClient.builder().region("eu-de").projectId(p)
 *     .credentials(fromVault).build();
 * }</pre>
 *
 * <p>No credentials object shows a secret in {@code toString()} or in an exception message.
 */
package io.sfsturbo.jobs.auth;
