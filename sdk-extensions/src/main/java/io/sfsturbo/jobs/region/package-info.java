// SPDX-License-Identifier: Apache-2.0
/**
 * Regions and their endpoints, for Huawei Cloud and Open Telekom Cloud: {@code builder().region("eu-de")}
 * picks the endpoint; {@code endpoint(URI)} names any other.
 *
 * <pre>{@code
 * Region r = Region.of("eu-de");   // https://sfs-turbo.eu-de.otc.t-systems.com
 * }</pre>
 */
package io.sfsturbo.jobs.region;
