// SPDX-License-Identifier: Apache-2.0
/**
 * The API's model, generated at build time from the OpenAPI spec (artifact {@code sfsturbo-jobs-openapi}) by
 * the SDK's generator and templates (module {@code sdk-generated}): the job
 * ({@link io.sfsturbo.jobs.model.JobDetail}), its sub-jobs ({@link io.sfsturbo.jobs.model.SubJobDetail}),
 * the open status enum ({@link io.sfsturbo.jobs.model.JobStatus}), the error bodies and the error-code
 * catalogue ({@link io.sfsturbo.jobs.model.SfsTurboErrorCode}). Values are immutable, with builders;
 * the hand-written {@link io.sfsturbo.jobs.model.JobState} and {@link io.sfsturbo.jobs.model.JobWithSubJobs}
 * add the questions a caller asks of them.
 *
 * <p>How each schema shape maps to Java: strings to {@code String}; {@code date-time} to
 * {@code OffsetDateTime} and the API's own {@code yyyy-MM-dd HH:mm:ss} times to {@code Instant} (both with
 * their text kept, {@code xAsString()}, since an unreadable time reads as null); enums to open enums
 * ({@code UNKNOWN_TO_SDK_VERSION} plus the text); {@code integer} to {@code Integer} ({@code int64}:
 * {@code Long}); {@code number} to {@code Double}, {@code Float} or, without a format, {@code BigDecimal};
 * {@code boolean} to {@code Boolean}; arrays to immutable {@code List}s and {@code additionalProperties}
 * to immutable {@code Map}s, empty rather than null; nested objects to their own classes. A field the
 * service did not send is null; a field the schema requires is checked when a response is read. Reading
 * is strict about types (a string where a boolean belongs fails the call with a
 * {@code ResponseDecodingException}) and tolerant of fields this SDK does not know.
 *
 * <pre>{@code
 * JobDetail job = client.showJobDetail(jobId);
 * switch (job.status()) {
 *   case SUCCESS: ...; break;
 *   case FAILED: log(job.errorCode(), job.failReason(), job.failedSubJobs()); break;
 *   case UNKNOWN_TO_SDK_VERSION: log("new status " + job.statusAsString()); break;
 *   default: // running, waiting
 * }
 * }</pre>
 */
package io.sfsturbo.jobs.model;
