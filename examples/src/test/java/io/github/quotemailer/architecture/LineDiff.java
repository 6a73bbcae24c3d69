package io.github.quotemailer.architecture;

import java.util.ArrayList;
import java.util.List;

/**
 * A readable line diff of two listings: changed lines marked {@code -} (only in the checked-in
 * listing) and {@code +} (only in the live API), each run preceded by the type block it sits in.
 */
final class LineDiff {

  private LineDiff() {}

  /** The differences from {@code expected} to {@code actual}; empty when they are equal. */
  static String of(List<String> expected, List<String> actual) {
    int[][] common = longestCommonSuffixes(expected, actual);
    StringBuilder out = new StringBuilder();
    String currentType = "";
    String shownType = null;
    int e = 0;
    int a = 0;
    while (e < expected.size() || a < actual.size()) {
      boolean same =
          e < expected.size() && a < actual.size() && expected.get(e).equals(actual.get(a));
      if (same) {
        currentType = typeOf(expected.get(e), currentType);
        e++;
        a++;
        continue;
      }
      if (!currentType.equals(shownType)) {
        out.append("@ ").append(currentType.isEmpty() ? "(start)" : currentType).append('\n');
        shownType = currentType;
      }
      if (a >= actual.size() || (e < expected.size() && common[e + 1][a] >= common[e][a + 1])) {
        out.append("- ").append(expected.get(e++)).append('\n');
      } else {
        out.append("+ ").append(actual.get(a++)).append('\n');
      }
    }
    return out.toString();
  }

  private static String typeOf(String line, String current) {
    return line.isEmpty() || line.startsWith(" ") || line.startsWith("#") ? current : line;
  }

  private static int[][] longestCommonSuffixes(List<String> x, List<String> y) {
    int[][] lengths = new int[x.size() + 1][y.size() + 1];
    for (int i = x.size() - 1; i >= 0; i--) {
      for (int j = y.size() - 1; j >= 0; j--) {
        lengths[i][j] =
            x.get(i).equals(y.get(j))
                ? lengths[i + 1][j + 1] + 1
                : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
      }
    }
    return lengths;
  }

  static List<String> lines(String text) {
    return new ArrayList<>(text.lines().toList());
  }
}
