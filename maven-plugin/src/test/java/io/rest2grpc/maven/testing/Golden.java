package io.rest2grpc.maven.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares text with a checked-in golden file and fails with a line diff; {@code -Drest2grpc.updateGolden=true}
 * rewrites the file instead (the repository's convention).
 */
public final class Golden {

  public static final String UPDATE_FLAG = "rest2grpc.updateGolden";

  private Golden() {}

  public static void assertMatches(Path golden, String actual) throws IOException {
    if (Boolean.getBoolean(UPDATE_FLAG)) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual);
      return;
    }
    if (!Files.isRegularFile(golden)) {
      fail("golden file " + golden + " is missing; create it with -D" + UPDATE_FLAG + "=true");
    }
    String expected = Files.readString(golden);
    if (!expected.equals(actual)) {
      fail("golden file " + golden + " differs (- golden, + actual); if the change is intended, rerun with -D"
          + UPDATE_FLAG + "=true and review the diff:\n" + diff(expected.lines().toList(), actual.lines().toList()));
    }
  }

  /** The changed lines of a longest-common-subsequence diff. */
  public static String diff(List<String> expected, List<String> actual) {
    int[][] common = new int[expected.size() + 1][actual.size() + 1];
    for (int i = expected.size() - 1; i >= 0; i--) {
      for (int j = actual.size() - 1; j >= 0; j--) {
        common[i][j] = expected.get(i).equals(actual.get(j)) ? common[i + 1][j + 1] + 1
            : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<String> changes = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < expected.size() || j < actual.size()) {
      if (i < expected.size() && j < actual.size() && expected.get(i).equals(actual.get(j))) {
        i++;
        j++;
      } else if (j < actual.size() && (i == expected.size() || common[i][j + 1] >= common[i + 1][j])) {
        changes.add("+ " + actual.get(j++));
      } else {
        changes.add("- " + expected.get(i++));
      }
    }
    return String.join("\n", changes);
  }
}
