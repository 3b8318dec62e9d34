// SPDX-License-Identifier: Apache-2.0
/**
 * Text from the network made safe for terminals and logs: {@link io.sfsturbo.jobs.text.SafeText}, the one
 * sanitizer that the SDK's messages, the model's {@code toString()} and the CLI share.
 */
package io.sfsturbo.jobs.text;
