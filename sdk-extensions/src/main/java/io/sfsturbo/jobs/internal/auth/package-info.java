// SPDX-License-Identifier: Apache-2.0
/**
 * Support of {@link io.sfsturbo.jobs.auth}: the instance metadata service's client and document, IAM's token
 * request, where IAM is, and the cache that renews credentials ahead of expiry. Shared support: it knows no
 * layer above it, nor the public {@code auth} package (which uses it), so that no package cycle forms.
 */
package io.sfsturbo.jobs.internal.auth;
