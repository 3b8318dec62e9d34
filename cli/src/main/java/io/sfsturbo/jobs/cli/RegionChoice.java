// SPDX-License-Identifier: Apache-2.0
package io.sfsturbo.jobs.cli;

import io.sfsturbo.jobs.region.Region;
import io.sfsturbo.jobs.text.SafeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a region id from {@code --region} or {@code HUAWEICLOUD_SDK_REGION} into a {@link Region} of the SDK's
 * catalogue. A typo gets the id it most likely meant ({@code eu-dee}: did you mean eu-de?); the whole catalogue
 * is listed only when no id is close, since a list of twenty hides the one that matters.
 */
final class RegionChoice {
  /** Edits (insert, delete, change, swap two neighbours) that still read as a typo of an id. */
  static final int MAX_EDITS = 2;

  private RegionChoice() {}

  /**
   * @param id the region id as given
   * @param from the flag or variable it came from, for the message
   * @throws SetupException for an id the catalogue does not hold
   */
  static Region of(String id, String from, io.sfsturbo.jobs.config.Environment env) {
    try {
      Region.requireValidId(from, id);
      return Region.resolve(id, env);
    } catch (IllegalArgumentException e) {
      if (Region.known().containsKey(id) || !e.getMessage().startsWith("unknown region")) {
        // An override that is not an endpoint, a regions file out of shape: the SDK's message names where.
        throw new SetupException(SafeText.capped(e.getMessage(), 600));
      }
    }
    List<String> close = closest(id);
    String hint = close.isEmpty() ? "; known regions: " + String.join(", ", Region.known().keySet())
        : "; did you mean " + or(close) + "?";
    throw new SetupException(from + ": unknown region '" + SafeText.capped(id, 60) + "'" + hint
        + " (or set --endpoint)");
  }

  /** The known ids nearest to the given one, if near enough to be a typo of it; several when tied. */
  static List<String> closest(String id) {
    String typed = id.trim().toLowerCase(Locale.ROOT);
    List<String> best = new ArrayList<>();
    int bestDistance = Integer.MAX_VALUE;
    for (String known : Region.known().keySet()) {
      int d = distance(typed, known);
      // Short ids need a tighter bound: two edits turn "eu-de" into "eu-nl" or "af" into anything.
      if (d > Math.min(MAX_EDITS, known.length() / 3) || d > bestDistance) {
        continue;
      }
      if (d < bestDistance) {
        best.clear();
        bestDistance = d;
      }
      best.add(known);
    }
    return best;
  }

  /** The optimal string alignment distance: Levenshtein's, with a swap of two neighbours as one edit. */
  static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > MAX_EDITS) {
      // Cheaper than the table, and an argument of any length costs nothing.
      return MAX_EDITS + 1;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private static String or(List<String> ids) {
    if (ids.size() == 1) {
      return ids.get(0);
    }
    return String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1);
  }
}
