package io.rest2grpc.openapi.write;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The text of a proto comment made from a spec description: HTML turned into Markdown, prose
 * wrapped so that {@code indent + "// " + line} fits in {@link OptionLayout#WIDTH} columns. Specs
 * repeat descriptions a lot (a shared parameter on every operation), so results are kept.
 */
final class CommentText {
  /** A comment of more lines than this, repeated in one file, is written in full only once. */
  static final int SHORT_LINES = 3;

  private final Map<String, String> markdown = new ConcurrentHashMap<>();
  private final Map<String, String> wrapped = new ConcurrentHashMap<>();

  /** The description as wrapped Markdown lines for a comment at {@code indent}. */
  String render(String description, String indent) {
    String text = markdown.computeIfAbsent(description, d -> HtmlToMarkdown.convert(normalized(d)));
    int width = OptionLayout.WIDTH - indent.length() - 3;
    return wrapped.computeIfAbsent(width + ":" + text, k -> CommentWrapper.wrap(text, width));
  }

  /**
   * The short form of a repeated description: its first sentence (at most its first paragraph) and
   * where it is written in full.
   */
  String reference(String description, String indent, String fullOn) {
    String text = markdown.computeIfAbsent(description, d -> HtmlToMarkdown.convert(normalized(d)));
    String paragraph = text.split("\n\\s*\n", 2)[0];
    int end = paragraph.indexOf(". ");
    String sentence = (end > 0 ? paragraph.substring(0, end + 1) : paragraph).replaceAll("\\s*\n\\s*", " ");
    return CommentWrapper.wrap(sentence + "\n(In full on `" + fullOn + "`.)", OptionLayout.WIDTH - indent.length() - 3);
  }

  private static String normalized(String description) {
    return description.strip().replace("\r\n", "\n").replace('\r', '\n');
  }
}
