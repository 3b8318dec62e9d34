// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal;

import io.sfsturbo.jobs.errors.ServiceException;
import java.io.IOException;
import okhttp3.ResponseBody;

/** Reads response bodies into capped text for exceptions. */
public final class Bodies {
  private Bodies() {}

  /** Reads a body fully and closes it; an unreadable body gives what could be read, or "". */
  public static String readAndClose(ResponseBody body) {
    if (body == null) {
      return "";
    }
    try (ResponseBody b = body) {
      return b.string();
    } catch (IOException e) {
      return "";
    }
  }

  /** Cuts text to the length exceptions keep. */
  public static String cap(String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= ServiceException.MAX_RAW_BODY_CHARS
        ? text : text.substring(0, ServiceException.MAX_RAW_BODY_CHARS) + "...(truncated)";
  }
}
