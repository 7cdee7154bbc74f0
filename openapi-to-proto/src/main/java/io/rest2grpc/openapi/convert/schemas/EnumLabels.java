package io.rest2grpc.openapi.convert.schemas;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names for integer enum values that a description lists one per line, as specs commonly do:
 * {@code * `1` - Active}, {@code - 0 &mdash; disables this}, {@code 2: Deleted ("D")}. A label is
 * cut at its first punctuation and kept to a few words, so it reads as a name, not a sentence.
 */
final class EnumLabels {
  private static final Pattern ITEM = Pattern.compile(
      "^\\s*(?:[-*+]\\s+)?`?(-?\\d+)`?\\s*(?:-|–|—|:|=|&mdash;|&ndash;)\\s*(.+)$");
  private static final Pattern CUT = Pattern.compile("[,;.:(\\[]|\\s[-–—]\\s|&mdash;|&ndash;");
  private static final int MAX_WORDS = 5;
  private static final Set<String> TRAILING_WORDS = Set.of("a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with");

  private EnumLabels() {}

  /**
   * The label each listed value has in {@code description}, by value; empty unless the list names at
   * least two of {@code values} (or the only one), so a stray "1 - 100" in prose names nothing.
   */
  static Map<Long, String> of(String description, List<Object> values) {
    Map<Long, String> labels = new HashMap<>();
    if (description == null) {
      return labels;
    }
    Set<Long> wanted = new HashSet<>();
    values.forEach(v -> wanted.add(new BigDecimal(v.toString()).longValue()));
    for (String line : description.split("\\R")) {
      Matcher m = ITEM.matcher(line);
      if (m.matches()) {
        long number = Long.parseLong(m.group(1));
        String label = label(m.group(2));
        if (wanted.contains(number) && label != null) {
          labels.putIfAbsent(number, label);
        }
      }
    }
    return labels.size() >= Math.min(2, values.size()) ? labels : Map.of();
  }

  /** The first few words before any punctuation; null when that leaves no letter. */
  private static String label(String text) {
    Matcher cut = CUT.matcher(text);
    String head = (cut.find() ? text.substring(0, cut.start()) : text).replace("`", "").replace("\"", "").strip();
    List<String> words = List.of(head.split("\\s+"));
    int end = Math.min(words.size(), MAX_WORDS);
    while (end > 1 && TRAILING_WORDS.contains(words.get(end - 1).toLowerCase(Locale.ROOT))) {
      end--;
    }
    String label = String.join(" ", words.subList(0, end));
    return label.chars().anyMatch(Character::isLetter) ? label : null;
  }
}
