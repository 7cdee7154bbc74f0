package io.rest2grpc.openapi.write;

import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Lays out option values and option lists the way a reviewer reads them: on one line when the whole
 * line fits in {@link #WIDTH} columns, else one entry per line, with a message value in multi-line
 * text format inside its braces (protoc reads both; the descriptor is the same). Strings longer than
 * a line are split into adjacent literals, which protoc's text format concatenates.
 */
final class OptionLayout {
  /** A line that fits in this many columns stays on one line. */
  static final int WIDTH = 100;
  /** A string literal longer than this is split into adjacent literals. */
  private static final int LITERAL_WIDTH = 80;
  private static final TextFormat.Printer TEXT = TextFormat.printer().escapingNonAscii(false);

  /** Option messages repeat a lot (every date-time field has the same one); printing them is not cheap. */
  private final Map<Message, String> singleLine = new ConcurrentHashMap<>();
  private final Map<Message, List<String>> multiLine = new ConcurrentHashMap<>();

  /**
   * {@code {…}} for a message value that starts at column {@code column} and is followed by
   * {@code after} characters on its line: one line if it fits, else the fields one per line, nested
   * messages indented, the closing brace at {@code indent}.
   */
  String aggregate(Message value, String indent, int column, int after) {
    String single = "{" + singleLine.computeIfAbsent(value, RestOptionsMapper::text) + "}";
    if (column + single.length() + after <= WIDTH) {
      return single;
    }
    StringBuilder block = new StringBuilder("{\n");
    for (String line : multiLine.computeIfAbsent(value, OptionLayout::lines)) {
      block.append(indent).append("  ").append(line).append('\n');
    }
    return block.append(indent).append('}').toString();
  }

  /**
   * {@code head [a, b];} on one line when it fits, else each option on a line of its own (as
   * {@code buf format} writes them), with {@code ;} after the closing bracket.
   */
  static String optionList(String indent, String head, List<Item> items) {
    if (items.isEmpty()) {
      return indent + head + ";\n";
    }
    String single = indent + head + " [" + String.join(", ", items.stream().map(i -> i.render(indent, 0, 0)).toList()) + "];";
    if (single.length() <= WIDTH && single.indexOf('\n') < 0) {
      return single + "\n";
    }
    StringBuilder out = new StringBuilder(indent).append(head).append(" [\n");
    String inner = indent + "  ";
    for (int i = 0; i < items.size(); i++) {
      boolean last = i == items.size() - 1;
      out.append(inner).append(items.get(i).render(inner, inner.length(), last ? 0 : 1)).append(last ? "\n" : ",\n");
    }
    return out.append(indent).append("];\n").toString();
  }

  /** One entry of an option list: {@code name = value}, whose value may depend on where it starts. */
  interface Item {
    String render(String indent, int column, int after);

    static Item of(String text) {
      return (indent, column, after) -> text;
    }
  }

  /** The multi-line text form, long strings split into adjacent literals on lines of their own. */
  private static List<String> lines(Message value) {
    return TEXT.printToString(value).lines().flatMap(OptionLayout::splitLongString).toList();
  }

  private static Stream<String> splitLongString(String line) {
    int colon = line.indexOf(": \"");
    if (colon < 0 || line.length() <= WIDTH - 10 || !line.endsWith("\"")) {
      return Stream.of(line);
    }
    String indent = line.substring(0, line.length() - line.stripLeading().length());
    String literal = line.substring(colon + 3, line.length() - 1);
    Stream.Builder<String> parts = Stream.builder();
    parts.add(line.substring(0, colon + 1));
    int start = 0;
    while (start < literal.length()) {
      int end = Math.min(literal.length(), start + LITERAL_WIDTH);
      int space = literal.lastIndexOf(' ', end - 1);
      if (end < literal.length() && space > start + LITERAL_WIDTH / 2) {
        end = space + 1; // after a space, so words stay whole
      }
      // never split an escape sequence (\", \\, \n, \123)
      while (end < literal.length() && (escapeOpenAt(literal, start, end) || Character.isHighSurrogate(literal.charAt(end - 1)))) {
        end++;
      }
      parts.add(indent + "  \"" + literal.substring(start, end) + "\"");
      start = end;
    }
    return parts.build();
  }

  /** Whether cutting {@code literal} at {@code end} would split an escape sequence that starts after {@code start}. */
  private static boolean escapeOpenAt(String literal, int start, int end) {
    int i = start;
    while (i < end) {
      if (literal.charAt(i) != '\\') {
        i++;
        continue;
      }
      int length = Character.isDigit(literal.charAt(i + 1)) ? 4 : 2;
      if (i + length > end) {
        return true;
      }
      i += length;
    }
    return false;
  }
}
