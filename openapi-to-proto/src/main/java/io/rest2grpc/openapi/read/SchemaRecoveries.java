package io.rest2grpc.openapi.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.report.Findings;
import java.util.List;
import java.util.Map;

/**
 * Reads invalid {@code items} the way their authors meant them, before swagger-parser turns them
 * into arrays: {@code items: [A, B]} on a schema that is not an array (Slack) means "one of these
 * objects" and becomes {@code anyOf: [A, B]} (in Swagger 2.0, which has no anyOf, {@code A}); {@code type: object, items: X} without properties
 * (DigitalOcean) means "an X" and becomes {@code allOf: [X]}. Only schema positions are visited,
 * never example values. Each rewrite is a report row.
 */
final class SchemaRecoveries {
  private static final List<String> SCHEMA_LISTS = List.of("allOf", "anyOf", "oneOf");

  private final Findings report;
  private final boolean swagger2;

  SchemaRecoveries(Findings report, boolean swagger2) {
    this.report = report;
    this.swagger2 = swagger2;
  }

  void apply(ObjectNode root, SourceLocation top) {
    At at = new At(null, null, top);
    schemas(root.path("definitions"), at.child("definitions"));
    schemas(root.path("components").path("schemas"), at.child("components").child("schemas"));
    walkForSchemaKeys(root.path("paths"), at.child("paths"));
    walkForSchemaKeys(root.path("components").path("responses"), at.child("components").child("responses"));
    walkForSchemaKeys(root.path("components").path("requestBodies"), at.child("components").child("requestBodies"));
    walkForSchemaKeys(root.path("components").path("parameters"), at.child("components").child("parameters"));
    walkForSchemaKeys(root.path("responses"), at.child("responses"));
    walkForSchemaKeys(root.path("parameters"), at.child("parameters"));
  }

  /** A node's position, made into a {@link SourceLocation} only for a report row: the walk visits every schema, rows are rare. */
  private record At(At parent, String token, SourceLocation top) {
    At child(String name) {
      return new At(this, name, null);
    }

    At child(int index) {
      return child(Integer.toString(index));
    }

    SourceLocation location() {
      return parent == null ? top : parent.location().child(token);
    }
  }

  private void schemas(JsonNode map, At at) {
    map.fields().forEachRemaining(e -> schema(e.getValue(), at.child(e.getKey())));
  }

  /** Finds the "schema" members of operations, parameters, media types and responses. */
  private void walkForSchemaKeys(JsonNode node, At at) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> {
        if (e.getKey().equals("schema")) {
          schema(e.getValue(), at.child("schema"));
        } else if (!e.getKey().equals("example") && !e.getKey().equals("examples")) {
          walkForSchemaKeys(e.getValue(), at.child(e.getKey()));
        }
      });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walkForSchemaKeys(node.get(i), at.child(i));
      }
    }
  }

  private void schema(JsonNode node, At at) {
    if (!node.isObject()) {
      return;
    }
    ObjectNode schema = (ObjectNode) node;
    JsonNode items = schema.get("items");
    String type = schema.path("type").asText("");
    if (items != null && !type.equals("array")) {
      if (items.isArray() && !schema.has("anyOf")) {
        schema.remove("items");
        if (swagger2 && items.size() > 0 && items.get(0).isObject()) {
          schema.setAll((ObjectNode) items.get(0).deepCopy());
          report.warn(Category.SCHEMA_RECOVERED, at.child("items").location(), "",
              "'items' given as a list on a schema that is not an array; Swagger 2.0 has no anyOf, so read as the first of them");
        } else {
          schema.set("anyOf", items);
          report.warn(Category.SCHEMA_RECOVERED, at.child("items").location(), "",
              "'items' given as a list on a schema that is not an array; read as anyOf of those schemas");
        }
      } else if (items.isObject() && type.equals("object") && !schema.has("properties") && !schema.has("allOf")) {
        schema.remove("items");
        ArrayNode allOf = JsonNodeFactory.instance.arrayNode().add(items);
        schema.set("allOf", allOf);
        report.warn(Category.SCHEMA_RECOVERED, at.child("items").location(), "",
            "'items' on an object without properties; read as that object (allOf of the items schema)");
      }
    }
    for (Map.Entry<String, JsonNode> e : iterable(schema)) {
      switch (e.getKey()) {
        case "properties", "patternProperties", "$defs", "definitions" -> schemas(e.getValue(), at.child(e.getKey()));
        case "items", "additionalProperties", "not" -> schema(e.getValue(), at.child(e.getKey()));
        default -> {
          if (SCHEMA_LISTS.contains(e.getKey()) && e.getValue().isArray()) {
            for (int i = 0; i < e.getValue().size(); i++) {
              schema(e.getValue().get(i), at.child(e.getKey()).child(i));
            }
          }
        }
      }
    }
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(ObjectNode node) {
    List<Map.Entry<String, JsonNode>> entries = new java.util.ArrayList<>();
    node.fields().forEachRemaining(entries::add);
    return entries;
  }
}
