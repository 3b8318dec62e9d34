// SPDX-License-Identifier: Apache-2.0
/**
 * Support of {@link io.sfsturbo.jobs.region.Region}: the endpoint overrides the official Huawei Cloud SDKs read
 * (an environment variable per service and region, and {@code ~/.huaweicloud/regions.yaml}), read strictly and
 * reported by variable, file and line. Shared support: it knows no layer above it.
 */
package io.sfsturbo.jobs.internal.region;
