package io.rest2grpc.openapi.write;

import static io.rest2grpc.openapi.support.Specs.assertCompilesAndLints;
import static io.rest2grpc.openapi.support.Specs.convert;
import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.openapi.conversion.Conversion;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Descriptions become Markdown comments wrapped at 100 columns, long repeated ones written once per file. */
class CommentTextTest {
  @Test
  void htmlBecomesMarkdown() {
    assertThat(HtmlToMarkdown.convert("Use <code>limit</code> &mdash; see <a href=\"https://x.example/doc\">the docs</a>.<br>Next"))
        .isEqualTo("Use `limit` — see [the docs](https://x.example/doc).\nNext");
    assertThat(HtmlToMarkdown.convert("<p>First\n   paragraph.</p><p>Second <b>bold</b>:</p><ul><li>one</li><li>two <i>it</i></li></ul>"))
        .isEqualTo("First paragraph.\n\nSecond **bold**:\n\n- one\n- two *it*");
    assertThat(HtmlToMarkdown.convert("<table><tr><th>Code</th><th>Meaning</th></tr><tr><td>1</td><td>a | b</td></tr></table>"))
        .isEqualTo("| Code | Meaning |\n| --- | --- |\n| 1 | a \\| b |");
    assertThat(HtmlToMarkdown.convert("<table><tr><th></th><th colspan=\"3\">Membership</th></tr><tr><td>x</td><td>On</td><td>Off</td><td>-</td></tr></table>"))
        .isEqualTo("| | Membership | | |\n| --- | --- | --- | --- |\n| x | On | Off | - |");
    assertThat(HtmlToMarkdown.convert("<table><tr><td>Token</td><td><ul><li>&bull; org:read</li><li>&nbsp;team:write</li></ul></td></tr></table>"))
        .isEqualTo("| Token | • org:read; team:write |\n| --- | --- |");
    assertThat(HtmlToMarkdown.convert("| action | scopes |\n| --- | --- |\n| <nobr>`resize`</nobr> | `droplet:update`<br><nobr>`droplet:create`</nobr> |"))
        .isEqualTo("| action | scopes |\n| --- | --- |\n| `resize` | `droplet:update`; `droplet:create` |");
  }

  @Test
  void markdownStaysAsWritten() {
    String markdown = "Lists *orders*.\n\n* `a<b>` stays\n* <https://x.example> too\n\n```\n<p>code</p>\n```";
    assertThat(HtmlToMarkdown.convert(markdown)).isEqualTo(markdown);
    assertThat(HtmlToMarkdown.convert("Plain **Markdown**\n\n  - item")).isEqualTo("Plain **Markdown**\n\n  - item");
    assertThat(HtmlToMarkdown.convert("A <br> in `<br>` code\n\n```\n<b>kept</b>\n```"))
        .isEqualTo("A \n in `<br>` code\n\n```\n<b>kept</b>\n```");
  }

  @Test
  void proseWrapsCodeAndTablesDoNot() {
    String words = "word ".repeat(30).strip();
    String url = "https://example.com/" + "x".repeat(120);
    String text = words + "\n- " + words + "\n| " + words + " |\n```\n" + words + "\n```\n" + url;
    String wrapped = CommentWrapper.wrap(text, 60);
    assertThat(wrapped.lines().filter(l -> !l.startsWith("|") && !l.startsWith("https") && !l.startsWith("word word word word word word word word word word word word word word word word word word word word word word word word word")))
        .allMatch(l -> l.length() <= 60);
    assertThat(wrapped).contains("\n  word", "\n| " + words + " |\n```\n" + words + "\n```\n" + url);
    assertThat(wrapped.replaceAll("\n +", " ").replace("\n", " ")).isEqualTo(text.replace("\n", " "));
  }

  @Test
  void aLongDescriptionRepeatedInAFileIsWrittenOnce(@TempDir Path dir) {
    String shared = "The fields to return. " + "Separate the names with commas; nested fields use dots. ".repeat(8);
    Conversion c = convert(dir, """
        openapi: 3.0.3
        info: {title: Shop, version: 1.0.0}
        paths:
          /orders:
            get:
              operationId: listOrders
              tags: [Shop]
              parameters: [{$ref: '#/components/parameters/fields'}]
              responses: {'200': {description: ok}}
          /carts:
            get:
              operationId: listCarts
              tags: [Shop]
              parameters: [{$ref: '#/components/parameters/fields'}]
              responses: {'200': {description: ok}}
        components:
          parameters:
            fields: {name: fields, in: query, description: '%s', schema: {type: string}}
        """.formatted(shared));
    assertCompilesAndLints(c, dir);
    String all = c.files().stream().map(f -> ProtoPrinter.print(f, c)).reduce("", String::concat);
    assertThat(all.split("commas;", -1)).hasSize(9);
    assertThat(all).containsPattern("// The fields to return\\.\n  // \\(In full on `List\\w+Request\\.fields`\\.\\)");
    assertThat(all.lines()).allMatch(l -> l.length() <= OptionLayout.WIDTH);
  }
}
