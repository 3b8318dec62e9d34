// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.internal;

/**
 * Checks the ids that go into the request path before any request is built, so that a bad id
 * fails with a message naming it instead of reaching another URL.
 */
public final class Ids {
  /** Real ids are UUID-like (36 characters); this leaves ample room and refuses absurd input. */
  public static final int MAX_LENGTH = 128;

  private Ids() {}

  /**
   * Returns the id unchanged when it is acceptable as one path segment.
   *
   * @param name the argument's name, for the message (for example {@code jobId})
   * @param value the id
   * @return the value, unaltered
   * @throws IllegalArgumentException when the id is null, blank, too long, or holds a character
   *     that would change the URL's meaning
   */
  public static String requireValid(String name, String value) {
    if (value == null) {
      throw new IllegalArgumentException(name + " must not be null");
    }
    if (value.trim().isEmpty()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(name + " is " + value.length() + " characters long; at most "
          + MAX_LENGTH + " are allowed");
    }
    if (value.equals(".") || value.equals("..")) {
      throw new IllegalArgumentException(name + " must not be '" + value + "': it would change the path");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '/' || c == '\\') {
        throw new IllegalArgumentException(name + " must not contain '" + c + "' (at index " + i
            + "): it would change the path");
      }
      if (c == '?' || c == '#') {
        throw new IllegalArgumentException(name + " must not contain '" + c + "' (at index " + i
            + "): it would end the path");
      }
      if (Character.isISOControl(c) || Character.isWhitespace(c) || Character.getType(c) == Character.FORMAT
          || c == '\u2028' || c == '\u2029') {
        throw new IllegalArgumentException(name + " must not contain whitespace, control or invisible format "
            + "characters (U+" + String.format("%04X", (int) c) + " at index " + i + ")");
      }
    }
    return value;
  }

  /**
   * Returns a project id unchanged when it is acceptable: one path segment, and printable ASCII, since it
   * is also sent as the {@code X-Project-Id} header.
   *
   * @param source the setting, variable or file entry it came from, for the message
   * @param value the id
   * @return the value, unaltered
   * @throws IllegalArgumentException naming the source and what is wrong, never the value
   */
  public static String requireValidProjectId(String source, String value) {
    requireValid(source, value);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new IllegalArgumentException(source + " must be printable ASCII, as it is sent in a header: U+"
            + String.format("%04X", (int) c) + " at index " + i);
      }
    }
    return value;
  }
}
