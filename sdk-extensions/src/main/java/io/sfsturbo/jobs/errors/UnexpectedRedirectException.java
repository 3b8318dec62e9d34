// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.errors;

import io.sfsturbo.jobs.text.SafeText;

/**
 * The endpoint answered with a redirect (3xx). {@code ShowJobDetail} never redirects, and the SDK
 * never follows one: a redirect could carry the request's credentials to another host, another
 * port or plain http. Not retried; usually a wrong endpoint or a proxy in the way.
 */
public class UnexpectedRedirectException extends ServiceException {
  private static final long serialVersionUID = 1L;
  private final String targetOrigin;

  /**
   * Creates the exception.
   *
   * @param details what the response said
   * @param targetOrigin scheme, host and port of the {@code Location} header (no path or query), or null
   */
  public UnexpectedRedirectException(ErrorDetails details, String targetOrigin) {
    super(details.operation() + " was answered with a redirect (HTTP " + details.statusCode() + ") to "
        + (targetOrigin == null ? "no location" : SafeText.forMessage(targetOrigin))
        + "; the SDK follows no redirects, so that credentials only go to the configured endpoint: check the "
        + "endpoint or the proxy [request id "
        + (details.requestId() == null ? "none" : SafeText.forMessage(details.requestId())) + "]", details);
    this.targetOrigin = targetOrigin;
  }

  /** Returns the redirect target's origin ({@code https://host:port}), or null when the response named none. */
  public String targetOrigin() {
    return targetOrigin;
  }
}
