// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.snippets;

import io.sfsturbo.jobs.SfsTurboJobsClient;
import io.sfsturbo.jobs.errors.ErrorDetails;
import io.sfsturbo.jobs.errors.RequestTimeoutException;
import io.sfsturbo.jobs.errors.ResourceNotFoundException;
import io.sfsturbo.jobs.errors.ResponseDecodingException;
import io.sfsturbo.jobs.errors.ServiceException;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.errors.ThrottledException;
import io.sfsturbo.jobs.errors.TransportException;
import io.sfsturbo.jobs.model.JobDetail;
import io.sfsturbo.jobs.model.SfsTurboErrorCode;
import io.sfsturbo.jobs.text.SafeText;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The snippets of docs/errors.md; {@code SnippetsTest} runs them against the emulator. */
final class ErrorSnippets {
  private ErrorSnippets() {}

  // BEGIN: errors.handle
  static String describe(SfsTurboJobsClient client, String jobId) {
    try {
      JobDetail job = client.showJobDetail(jobId);
      return "job " + jobId + " is " + SafeText.forMessage(job.statusAsString());
    } catch (ResourceNotFoundException e) {                 // 404
      if (e.knownErrorCode() == SfsTurboErrorCode.INVALID_JOB_ID) {
        return "no job " + jobId + " [request id " + SafeText.forMessage(e.requestId()) + "]";
      }
      throw e;
    } catch (ThrottledException e) {                       // 429, still there after the retries
      return "throttled; the gateway asked for a pause of " + e.retryAfter();
    } catch (ServiceException e) {                         // any other error status
      ErrorDetails d = e.details();                        // status, code, message, request id, body
      return "HTTP " + d.statusCode() + " " + SafeText.forMessage(d.errorCode()) + ": "
          + SafeText.forMessage(d.errorMessage());
    } catch (RequestTimeoutException e) {                  // the call's budget ran out
      return "no answer in time: " + e.getMessage();
    } catch (TransportException e) {                       // no response: connect, reset, cut body
      return "network: " + e.getMessage();
    } catch (ResponseDecodingException e) {                // an answer that is not the API's
      return "unreadable answer, HTTP " + e.statusCode();
    }
  }
  // END: errors.handle

  // BEGIN: errors.async
  static CompletableFuture<String> statusOrNotFound(SfsTurboJobsClient client, String jobId) {
    return client.showJobDetailAsync(jobId)
        .thenApply(JobDetail::statusAsString)
        .exceptionally(failure -> {
          // A stage after the first sees the SDK's exception wrapped in a CompletionException.
          Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
          if (cause instanceof ResourceNotFoundException) {
            return "not found";
          }
          throw cause instanceof SfsTurboException ? (SfsTurboException) cause : new CompletionException(cause);
        });
  }
  // END: errors.async

  // BEGIN: errors.retryable
  static JobDetail showOrRetryLater(SfsTurboJobsClient client, String jobId, Runnable retryLater) {
    try {
      return client.showJobDetail(jobId);
    } catch (SfsTurboException e) {
      if (e.isRetryable()) {    // no response, 429 or 5xx: the same request may succeed later
        retryLater.run();
        return null;
      }
      throw e;                  // 400, 401, 403, 404, a redirect, a closed client: trying again will not help
    }
  }
  // END: errors.retryable
}
