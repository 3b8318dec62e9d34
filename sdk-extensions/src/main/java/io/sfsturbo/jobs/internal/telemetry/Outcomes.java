// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal.telemetry;

import io.sfsturbo.jobs.errors.RequestTimeoutException;
import io.sfsturbo.jobs.errors.ResponseDecodingException;
import io.sfsturbo.jobs.errors.ServiceException;
import io.sfsturbo.jobs.errors.SfsTurboException;
import io.sfsturbo.jobs.errors.ThrottledException;
import io.sfsturbo.jobs.errors.TransportException;
import io.sfsturbo.jobs.model.SfsTurboErrorCode;
import io.sfsturbo.jobs.telemetry.AttemptOutcome;

/** The SDK's typed failures as telemetry's fixed, low-cardinality values. */
final class Outcomes {
  /** The error code reported for a code the API does not document. */
  static final String OTHER_CODE = "other";

  private Outcomes() {}

  static AttemptOutcome of(SfsTurboException failure, int status) {
    if (failure == null) {
      return AttemptOutcome.SUCCESS;
    }
    if (failure instanceof ThrottledException) {
      return AttemptOutcome.THROTTLED;
    }
    if (failure instanceof ServiceException) {
      return ((ServiceException) failure).statusCode() >= 500 ? AttemptOutcome.SERVER_ERROR
          : AttemptOutcome.CLIENT_ERROR;
    }
    if (failure instanceof RequestTimeoutException) {
      return AttemptOutcome.TIMEOUT;
    }
    if (failure instanceof TransportException) {
      return AttemptOutcome.TRANSPORT_ERROR;
    }
    if (failure instanceof ResponseDecodingException) {
      return AttemptOutcome.INVALID_RESPONSE;
    }
    return AttemptOutcome.ERROR;
  }

  /**
   * A documented code as it is; any other the server sent as {@value #OTHER_CODE}: a server's text
   * must not become a tag value of its choosing (cardinality, or a secret echoed back).
   */
  static String errorCode(SfsTurboException failure) {
    if (!(failure instanceof ServiceException)) {
      return null;
    }
    ServiceException e = (ServiceException) failure;
    // Only a code of the catalogue (generated from the spec) is a tag value: the set stays small and known.
    if (e.knownErrorCode() != null && e.knownErrorCode() != SfsTurboErrorCode.UNKNOWN_TO_SDK_VERSION) {
      return e.knownErrorCode().value();
    }
    return e.errorCode() == null || e.errorCode().isEmpty() ? null : OTHER_CODE;
  }

  static int status(SfsTurboException failure) {
    if (failure instanceof ServiceException) {
      return ((ServiceException) failure).statusCode();
    }
    if (failure instanceof ResponseDecodingException) {
      return ((ResponseDecodingException) failure).statusCode();
    }
    return 0;
  }
}
