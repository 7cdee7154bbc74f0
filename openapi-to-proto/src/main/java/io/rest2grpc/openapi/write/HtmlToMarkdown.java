package io.rest2grpc.openapi.write;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns the HTML in a spec description into Markdown and leaves the Markdown around it as it is.
 * Most descriptions are Markdown with a few tags or entities in it ({@code <code>}, {@code <a>},
 * {@code <br>}, {@code &mdash;}), some are HTML throughout: jsoup parses the text, and a walk over
 * its tree writes each element as Markdown while text outside any element keeps its exact
 * characters and line breaks. A description without tags or entities is returned unchanged, and so
 * are fenced code blocks, code spans and autolinks.
 */
final class HtmlToMarkdown {
  private static final Pattern HTML = Pattern.compile(
      "</?(?:a|abbr|b|blockquote|br|code|dd|div|dl|dt|em|h[1-6]|hr|i|img|kbd|li|ol|p|pre|s|small|span|strong|sub|sup|table|tbody|td"
          + "|th|thead|tr|tt|u|ul)\\b[^>]*>|&(?:[a-zA-Z]+|#\\d+|#x[0-9a-fA-F]+);",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
  private static final Pattern CODE_SPAN = Pattern.compile("`[^`\\n]+`");
  private static final Pattern TABLE_ROW = Pattern.compile("(?m)^\\s*\\|.*$");
  private static final Pattern BREAKS = Pattern.compile("(?:\\s*<br\\s*/?>\\s*)+", Pattern.CASE_INSENSITIVE);
  private static final Pattern AUTOLINK = Pattern.compile("<(https?://[^>\\s]+)>");

  private HtmlToMarkdown() {}

  static String convert(String description) {
    if (!HTML.matcher(description).find()) {
      return description;
    }
    StringBuilder out = new StringBuilder();
    StringBuilder prose = new StringBuilder();
    boolean fenced = false;
    for (String line : description.split("\n", -1)) {
      boolean fence = FENCE.matcher(line).find();
      if (fenced || fence) {
        if (!fenced) {
          out.append(prose(prose.toString()));
          prose.setLength(0);
        }
        out.append(line).append('\n');
        fenced ^= fence;
      } else {
        prose.append(line).append('\n');
      }
    }
    out.append(prose(prose.toString()));
    return out.toString().replaceAll("\n{3,}", "\n\n").strip();
  }

  private static String prose(String text) {
    if (text.isEmpty() || !HTML.matcher(text).find()) {
      return text;
    }
    String protectedText = AUTOLINK.matcher(escapeIn(CODE_SPAN, tableBreaks(text))).replaceAll("&lt;$1&gt;");
    Element body = Jsoup.parseBodyFragment(protectedText).body();
    StringBuilder out = new StringBuilder();
    children(body, out);
    return out.append('\n').toString();
  }

  /** A Markdown table row holds no line break: a {@code <br>} in one separates with "; ". */
  private static String tableBreaks(String text) {
    return TABLE_ROW.matcher(text).replaceAll(row -> Matcher.quoteReplacement(BREAKS.matcher(row.group()).replaceAll("; ")));
  }

  /** Code spans keep their {@code <}, {@code >} and {@code &}: escaped here, jsoup gives them back as text. */
  private static String escapeIn(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")));
    }
    return m.appendTail(out).toString();
  }

  private static void children(Element element, StringBuilder out) {
    for (Node child : element.childNodes()) {
      node(child, out);
    }
  }

  private static String inline(Element element) {
    StringBuilder out = new StringBuilder();
    children(element, out);
    return out.toString().strip();
  }

  private static void node(Node node, StringBuilder out) {
    if (node instanceof TextNode text) {
      // text outside any element is the description's own Markdown: kept as written
      boolean topLevel = text.parent() != null && text.parent().nodeName().equals("body");
      out.append(topLevel ? text.getWholeText() : text.getWholeText().replaceAll("[\\s\u00A0]+", " "));
      return;
    }
    if (!(node instanceof Element e)) {
      return;
    }
    switch (e.normalName()) {
      case "br" -> out.append('\n');
      case "p", "div", "dl", "dd", "dt" -> block(out, inline(e));
      case "a" -> link(e, out);
      case "code", "tt", "kbd" -> out.append('`').append(e.wholeText().replaceAll("\\s+", " ").strip()).append('`');
      case "pre" -> block(out, "```\n" + e.wholeText().strip() + "\n```");
      case "b", "strong" -> wrapped(out, "**", inline(e));
      case "i", "em" -> wrapped(out, "*", inline(e));
      case "ul", "ol" -> list(e, out);
      case "li" -> block(out, "- " + indentContinuation(inline(e), "  "));
      case "h1", "h2", "h3", "h4", "h5", "h6" -> block(out, "#".repeat(e.normalName().charAt(1) - '0') + " " + inline(e));
      case "hr" -> block(out, "---");
      case "blockquote" -> block(out, "> " + inline(e).replace("\n", "\n> "));
      case "table" -> block(out, table(e));
      case "img" -> out.append(e.attr("alt").isEmpty() ? e.attr("src") : "![" + e.attr("alt") + "](" + e.attr("src") + ")");
      default -> children(e, out);
    }
  }

  private static void link(Element a, StringBuilder out) {
    String text = inline(a);
    String href = a.attr("href");
    if (href.isEmpty()) {
      out.append(text);
    } else if (text.isEmpty() || text.equals(href)) {
      out.append('<').append(href).append('>');
    } else {
      out.append('[').append(text).append("](").append(href).append(')');
    }
  }

  private static void wrapped(StringBuilder out, String marker, String text) {
    if (!text.isEmpty()) {
      out.append(marker).append(text).append(marker);
    }
  }

  private static void list(Element list, StringBuilder out) {
    boolean ordered = list.normalName().equals("ol");
    StringBuilder items = new StringBuilder();
    int n = 0;
    for (Element item : list.children()) {
      String marker = ordered ? ++n + ". " : "- ";
      items.append(marker).append(indentContinuation(inline(item), " ".repeat(marker.length()))).append('\n');
    }
    block(out, items.toString().stripTrailing());
  }

  private static String indentContinuation(String text, String indent) {
    return text.replaceAll("\n+", "\n").replace("\n", "\n" + indent);
  }

  /**
   * A Markdown table: the first row is the header, a cell spanning columns is followed by empty
   * ones, and every row has as many cells as the widest, as Markdown tables need.
   */
  private static String table(Element table) {
    List<List<String>> rows = new ArrayList<>();
    for (Element row : table.select("tr")) {
      List<String> cells = new ArrayList<>();
      for (Element cell : row.children()) {
        cells.add(cell(cell));
        int span = cell.attr("colspan").matches("\\d{1,2}") ? Integer.parseInt(cell.attr("colspan")) : 1;
        for (int i = 1; i < span; i++) {
          cells.add("");
        }
      }
      rows.add(cells);
    }
    int columns = rows.stream().mapToInt(List::size).max().orElse(0);
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      List<String> cells = new ArrayList<>(rows.get(r));
      while (cells.size() < columns) {
        cells.add("");
      }
      out.append('|');
      cells.forEach(c -> out.append(c.isEmpty() ? " |" : " " + c + " |"));
      out.append('\n');
      if (r == 0) {
        out.append("|").append(" --- |".repeat(columns)).append('\n');
      }
    }
    return out.toString().stripTrailing();
  }

  /** A table cell on one line: its lines (list items, breaks) separated by "; ". */
  private static String cell(Element cell) {
    return String.join("; ", inline(cell).replaceAll("(?m)^\\s*(?:[-*]|\\d+\\.) ", "").strip().split("\\s*\n\\s*")).replace("|", "\\|");
  }

  /** A block on lines of its own, a blank line before and after. */
  private static void block(StringBuilder out, String text) {
    int end = out.length();
    while (end > 0 && (out.charAt(end - 1) == ' ' || out.charAt(end - 1) == '\t')) {
      end--;
    }
    out.setLength(end);
    if (out.length() > 0) {
      out.append(out.charAt(out.length() - 1) == '\n' ? "" : "\n");
      out.append(out.length() > 1 && out.charAt(out.length() - 2) == '\n' ? "" : "\n");
    }
    out.append(text).append("\n\n");
  }
}
