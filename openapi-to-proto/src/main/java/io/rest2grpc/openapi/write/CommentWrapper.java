package io.rest2grpc.openapi.write;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wraps the prose of a Markdown comment at a width: a line that fits stays as written, a longer
 * prose line or list item breaks at spaces, its continuation lines indented like its text (so a
 * list item stays one item). Fenced and indented code, tables, and words longer than the width
 * (URLs) are never broken; short lines are never joined, so the Markdown structure is unchanged.
 */
final class CommentWrapper {
  private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
  private static final Pattern LEAD = Pattern.compile("^(\\s*(?:(?:[-*+]|\\d{1,9}[.)])\\s+)?)");
  /** A word that would start a list, a heading, a quote or a table if it began a continuation line. */
  private static final Pattern MARKUP_START = Pattern.compile("^(?:[-*+#>|=]+|\\d{1,9}[.)])$");

  private CommentWrapper() {}

  static String wrap(String text, int width) {
    List<String> out = new ArrayList<>();
    boolean fenced = false;
    for (String line : text.split("\n", -1)) {
      boolean fence = FENCE.matcher(line).find();
      if (fenced || fence || line.length() <= width || keptWhole(line)) {
        out.add(line);
      } else {
        out.addAll(wrapLine(line, width));
      }
      fenced ^= fence;
    }
    return String.join("\n", out);
  }

  /** Tables and indented code keep their lines. */
  private static boolean keptWhole(String line) {
    String stripped = line.stripLeading();
    Matcher lead = LEAD.matcher(line);
    boolean listItem = lead.find() && !lead.group(1).isBlank();
    return stripped.startsWith("|") || (line.length() - stripped.length() >= 4 && !listItem) || line.startsWith("\t");
  }

  private static List<String> wrapLine(String line, int width) {
    Matcher lead = LEAD.matcher(line);
    String first = lead.find() ? lead.group(1) : "";
    String hanging = " ".repeat(first.length());
    List<String> lines = new ArrayList<>();
    StringBuilder current = new StringBuilder(first);
    boolean empty = true;
    for (String word : line.substring(first.length()).trim().split(" +")) {
      boolean fits = current.length() + 1 + word.length() <= width;
      if (!empty && !fits && !MARKUP_START.matcher(word).matches()) {
        lines.add(current.toString());
        current = new StringBuilder(hanging);
        empty = true;
      }
      current.append(empty ? "" : " ").append(word);
      empty = false;
    }
    lines.add(current.toString());
    return lines;
  }
}
