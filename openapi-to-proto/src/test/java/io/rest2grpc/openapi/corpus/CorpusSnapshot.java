package io.rest2grpc.openapi.corpus;

import static org.assertj.core.api.Assertions.fail;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The corpus figures as one text, compared with a checked-in file: a row per spec and section,
 * sorted by spec so the order in which parallel tests finish does not matter, then the section's
 * totals. Only deterministic figures belong here (no timings). Thread-safe.
 */
final class CorpusSnapshot {
  static final String UPDATE_FLAG = "rest2grpc.updateSnapshot";
  private static final String TOTALS = "Totals: ";

  private final Map<String, Map<String, String>> rows = new LinkedHashMap<>();
  private final Map<String, String> totals = new LinkedHashMap<>();

  CorpusSnapshot(String... sections) {
    for (String section : sections) {
      rows.put(section, new TreeMap<>());
    }
  }

  /** The figures of one spec in a section; a figure spanning lines continues on lines that start with a space. */
  synchronized void row(String section, String spec, String figures) {
    rows.get(section).put(spec, figures);
  }

  synchronized void total(String section, String figures) {
    totals.put(section, figures);
  }

  synchronized String render() {
    StringBuilder text = new StringBuilder("# CorpusTest's figures: a run that differs fails; rewrite with -D" + UPDATE_FLAG + "=true\n");
    rows.forEach((section, bySpec) -> {
      text.append("\n## ").append(section).append('\n');
      bySpec.forEach((spec, figures) -> text.append(String.format("%-58s %s\n", spec, figures)));
      if (totals.containsKey(section)) {
        text.append(TOTALS).append(totals.get(section)).append('\n');
      }
    });
    return text.toString();
  }

  /**
   * Fails with a unified diff when this run's figures differ from {@code file}, or rewrites the file
   * when {@code update} (-Drest2grpc.updateSnapshot=true). Compares only when every spec of the file ran: a corpus
   * test that was skipped or failed would otherwise show as a spurious difference, so the run
   * prints that it did not compare instead.
   */
  void compareWith(Path file, Set<String> ran, boolean update) {
    String actual = render();
    List<String> expected = Files.exists(file) ? lines(readString(file)) : List.of();
    List<String> missing = specsOf(expected).stream().filter(spec -> !ran.contains(spec)).toList();
    if (!missing.isEmpty()) {
      System.out.printf("%nCorpus snapshot %s NOT compared: %d of its specs did not run (skipped or failed), e.g. %s%n",
          file, missing.size(), missing.get(0));
      return;
    }
    if (update) {
      writeString(file, actual);
      System.out.printf("%nCorpus snapshot %s rewritten%n", file);
      return;
    }
    List<String> actualLines = lines(actual);
    if (!actualLines.equals(expected)) {
      List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(file.getFileName().toString(), "this run", expected,
          DiffUtils.diff(expected, actualLines), 3);
      fail("the corpus figures differ from %s (rerun with -D%s=true if the change is intended):%n%s", file, UPDATE_FLAG,
          String.join("\n", diff));
    }
  }

  /** The specs a rendered snapshot has rows for: the first word of every row line. */
  private static Set<String> specsOf(List<String> snapshot) {
    List<String> names = new ArrayList<>();
    for (String line : snapshot) {
      if (!line.isBlank() && !line.startsWith("#") && !line.startsWith(" ") && !line.startsWith(TOTALS)) {
        names.add(line.substring(0, line.indexOf(' ') < 0 ? line.length() : line.indexOf(' ')));
      }
    }
    return Set.copyOf(names);
  }

  private static List<String> lines(String text) {
    return text.lines().toList();
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeString(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
