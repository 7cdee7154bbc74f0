package io.rest2grpc.openapi.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.convert.media.MediaTypes;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.transcoding.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the JSON examples of a spec's entry document: {@code example} and (3.1) {@code examples}
 * on component schemas, and {@code example} / {@code examples.*.value} on the JSON media types of
 * request bodies and responses (Swagger 2.0: {@code responses.*.examples}). Local {@code $ref}s to
 * components (responses, request bodies, examples) are followed; {@code externalValue} is not.
 */
final class ExampleCollector {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private final Conversion conversion;
  private final JsonNode root;
  private final SourceLocation top;
  private final String pkg;
  private final List<Example> examples = new ArrayList<>();

  private ExampleCollector(Conversion conversion) {
    this.conversion = conversion;
    this.root = conversion.source().document();
    this.top = SourceLocation.of(conversion.specName());
    this.pkg = conversion.packageName();
  }

  static List<Example> collect(Conversion conversion) {
    ExampleCollector collector = new ExampleCollector(conversion);
    collector.componentSchemas();
    collector.operations();
    return collector.examples;
  }

  private void componentSchemas() {
    boolean swagger2 = conversion.source().version().isSwagger2();
    SourceLocation section = swagger2 ? top.child("definitions") : top.child("components").child("schemas");
    JsonNode schemas = swagger2 ? root.path("definitions") : root.path("components").path("schemas");
    schemas.properties().forEach(e -> schemaExamples(e.getValue(), section.child(e.getKey())));
  }

  private void schemaExamples(JsonNode schema, SourceLocation at) {
    if (schema.has("example")) {
      add(at.child("example"), at, schema.get("example"));
    }
    if (schema.path("examples").isArray()) {
      for (int i = 0; i < schema.get("examples").size(); i++) {
        add(at.child("examples").child(i), at, schema.get("examples").get(i));
      }
    }
  }

  private void operations() {
    SourceLocation paths = top.child("paths");
    root.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
      if (!METHODS.contains(op.getKey())) {
        return;
      }
      SourceLocation opAt = paths.child(path.getKey()).child(op.getKey());
      JsonNode operation = op.getValue();
      Located body = follow(operation.path("requestBody"), opAt.child("requestBody"));
      mediaExamples(body.node().path("content"), body.at().child("content"));
      for (Map.Entry<String, JsonNode> r : operation.path("responses").properties()) {
        Located response = follow(r.getValue(), opAt.child("responses").child(r.getKey()));
        mediaExamples(response.node().path("content"), response.at().child("content"));
        swagger2Examples(response.node(), response.at());
      }
    }));
  }

  private void mediaExamples(JsonNode content, SourceLocation contentAt) {
    content.properties().forEach(media -> {
      if (!isJson(media.getKey())) {
        return;
      }
      SourceLocation mediaAt = contentAt.child(media.getKey());
      SourceLocation schemaAt = mediaAt.child("schema");
      JsonNode m = media.getValue();
      if (m.has("example")) {
        add(mediaAt.child("example"), schemaAt, m.get("example"));
      }
      m.path("examples").properties().forEach(e -> {
        Located example = follow(e.getValue(), mediaAt.child("examples").child(e.getKey()));
        if (example.node().has("value")) {
          add(example.at().child("value"), schemaAt, example.node().get("value"));
        }
      });
      JsonNode schema = m.path("schema");
      if (schema.isObject() && !schema.has("$ref")) {
        schemaExamples(schema, schemaAt);
      }
    });
  }

  private void swagger2Examples(JsonNode response, SourceLocation at) {
    response.path("examples").properties().forEach(e -> {
      if (isJson(e.getKey())) {
        add(at.child("examples").child(e.getKey()), at.child("schema"), e.getValue());
      }
    });
  }

  private record Located(JsonNode node, SourceLocation at) {}

  /** Follows a local $ref ({@code #/components/...}) to the object it names. */
  private Located follow(JsonNode node, SourceLocation at) {
    JsonNode current = node;
    SourceLocation where = at;
    for (int hops = 0; hops < 8 && current.path("$ref").isTextual(); hops++) {
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        break;
      }
      String pointer = JsonPointer.fromUriFragment(ref.substring(1));
      current = root.at(pointer);
      where = new SourceLocation(top.file(), pointer);
    }
    return new Located(current, where);
  }

  private void add(SourceLocation location, SourceLocation schema, JsonNode value) {
    String message = conversion.messagesBySchema().get(schema.toString());
    examples.add(new Example(location, schema, message == null ? null : pkg + "." + message, value));
  }

  private static boolean isJson(String mediaType) {
    return MediaTypes.isJson(mediaType) || MediaTypes.base(mediaType).equals("*/*");
  }
}
