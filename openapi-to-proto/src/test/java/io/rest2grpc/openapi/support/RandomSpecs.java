package io.rest2grpc.openapi.support;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Builds OpenAPI documents from fuzzer input: valid in structure, but with every schema keyword,
 * reference (including dangling and circular ones), parameter style, media type and odd name the
 * converter has to handle, in random combinations.
 */
public final class RandomSpecs {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final List<String> NAMES = List.of("Order", "Pet", "a.b", "1x", "Item List", "File--Base", "OrderRequest",
      "CreateOrderRequest", "Service", "Value", "class");
  private static final List<String> SEGMENTS = List.of("orders", "{id}", "{Sid}.json", "search?x=1", "", "v1", "{name}:cancel",
      "users", "{id}", "a b", "*");
  private static final List<String> TYPES = List.of("string", "integer", "number", "boolean", "object", "array", "null");
  private static final List<String> FORMATS = List.of("int32", "int64", "date-time", "date", "byte", "binary", "float", "uuid", "");
  private static final List<String> MEDIA = List.of("application/json", "application/x-www-form-urlencoded", "multipart/form-data",
      "application/octet-stream", "text/plain", "text/event-stream", "*/*", "application/merge-patch+json");

  private final FuzzedDataProvider data;
  private final boolean swagger2;
  private final boolean openapi31;

  private RandomSpecs(FuzzedDataProvider data) {
    this.data = data;
    int version = data.consumeInt(0, 2);
    this.swagger2 = version == 0;
    this.openapi31 = version == 2;
  }

  public static String generate(FuzzedDataProvider data) {
    try {
      return new ObjectMapper().writeValueAsString(new RandomSpecs(data).document());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private ObjectNode document() {
    ObjectNode root = JSON.objectNode();
    if (swagger2) {
      root.put("swagger", "2.0");
    } else {
      root.put("openapi", openapi31 ? "3.1.0" : "3.0.3");
    }
    root.putObject("info").put("title", data.consumeString(12)).put("version", data.pickValue(List.of("1.0.0", "0.1", "2024-01-01", "v3", "")));
    ObjectNode schemas = swagger2 ? root.putObject("definitions") : root.putObject("components").putObject("schemas");
    int count = data.consumeInt(0, 5);
    for (int i = 0; i < count; i++) {
      schemas.set(data.pickValue(NAMES), schema(0));
    }
    ObjectNode paths = root.putObject("paths");
    int pathCount = data.consumeInt(0, 4);
    for (int i = 0; i < pathCount; i++) {
      StringBuilder path = new StringBuilder();
      int segments = data.consumeInt(0, 3);
      for (int s = 0; s < segments; s++) {
        path.append('/').append(data.pickValue(SEGMENTS));
      }
      ObjectNode item = paths.putObject(path.isEmpty() ? "/" : path.toString());
      int methods = data.consumeInt(1, 3);
      for (int m = 0; m < methods; m++) {
        item.set(data.pickValue(List.of("get", "post", "put", "patch", "delete", "head")), operation());
      }
    }
    return root;
  }

  private ObjectNode operation() {
    ObjectNode op = JSON.objectNode();
    if (data.consumeBoolean()) {
      op.putArray("tags").add(data.pickValue(List.of("Orders", "", "1-Click", "Service", data.consumeString(6))));
    }
    if (data.consumeBoolean()) {
      op.put("operationId", data.pickValue(List.of("getOrder", "list-things", "x", "", data.consumeString(8))));
    }
    ArrayNode parameters = op.putArray("parameters");
    int count = data.consumeInt(0, 3);
    for (int i = 0; i < count; i++) {
      ObjectNode p = parameters.addObject();
      p.put("name", data.pickValue(List.of("id", "Sid", "name", "filter[status]", "$top", "Authorization", "X-Id", "limit", "body")));
      p.put("in", data.pickValue(List.of("path", "query", "header", "cookie")));
      if (data.consumeBoolean()) {
        p.put("style", data.pickValue(List.of("form", "deepObject", "pipeDelimited", "simple")));
      }
      if (swagger2) {
        p.put("type", data.pickValue(List.of("string", "integer", "array")));
      } else {
        p.set("schema", schema(1));
      }
    }
    if (data.consumeBoolean()) {
      if (swagger2) {
        parameters.addObject().put("name", "payload").put("in", "body").set("schema", schema(1));
      } else {
        op.putObject("requestBody").putObject("content").putObject(data.pickValue(MEDIA)).set("schema", schema(1));
      }
    }
    ObjectNode responses = op.putObject("responses");
    int codes = data.consumeInt(0, 2);
    for (int i = 0; i < codes; i++) {
      ObjectNode response = responses.putObject(data.pickValue(List.of("200", "201", "204", "default", "2XX", "404")));
      response.put("description", "r");
      if (data.consumeBoolean()) {
        if (swagger2) {
          response.set("schema", schema(1));
        } else {
          response.putObject("content").putObject(data.pickValue(MEDIA)).set("schema", schema(1));
        }
      }
    }
    return op;
  }

  private ObjectNode schema(int depth) {
    ObjectNode s = JSON.objectNode();
    int kind = depth > 3 ? data.consumeInt(0, 2) : data.consumeInt(0, 10);
    switch (kind) {
      case 0 -> s.put("$ref", (swagger2 ? "#/definitions/" : "#/components/schemas/") + data.pickValue(NAMES));
      case 1 -> {
        s.put("type", data.pickValue(TYPES));
        s.put("format", data.pickValue(FORMATS));
      }
      case 2 -> { }
      case 3 -> {
        s.put("type", "object");
        ObjectNode properties = s.putObject("properties");
        int count = data.consumeInt(0, 4);
        for (int i = 0; i < count; i++) {
          properties.set(data.pickValue(List.of("id", "name", "+1", "fooBar", "foo_bar", "@type", "class", "2fa", data.consumeString(5))), schema(depth + 1));
        }
        if (data.consumeBoolean()) {
          s.putArray("required").add("id").add("missing");
        }
      }
      case 4 -> {
        s.put("type", "array");
        if (data.consumeBoolean()) {
          s.set("items", schema(depth + 1));
        }
      }
      case 5 -> {
        s.put("type", "object");
        if (data.consumeBoolean()) {
          s.set("additionalProperties", schema(depth + 1));
        } else {
          s.put("additionalProperties", data.consumeBoolean());
        }
      }
      case 6, 7, 8 -> {
        ArrayNode members = s.putArray(data.pickValue(List.of("allOf", "oneOf", "anyOf")));
        int count = data.consumeInt(0, 3);
        for (int i = 0; i < count; i++) {
          members.add(schema(depth + 1));
        }
        if (data.consumeBoolean()) {
          ObjectNode discriminator = s.putObject("discriminator").put("propertyName", "type");
          if (data.consumeBoolean()) {
            discriminator.putObject("mapping").put("a", data.pickValue(NAMES)).put("b", "#/components/schemas/" + data.pickValue(NAMES));
          }
        }
      }
      case 9 -> {
        ArrayNode values = s.putArray("enum");
        int count = data.consumeInt(0, 4);
        for (int i = 0; i < count; i++) {
          switch (data.consumeInt(0, 3)) {
            case 0 -> values.add(data.consumeString(6));
            case 1 -> values.add(data.consumeInt(-2, 2));
            case 2 -> values.addNull();
            default -> values.add(data.consumeBoolean());
          }
        }
      }
      default -> {
        if (openapi31) {
          s.putArray("type").add(data.pickValue(TYPES)).add(data.pickValue(TYPES));
          s.put("const", data.consumeString(4));
        } else {
          s.put("type", data.pickValue(TYPES)).put("nullable", true).put("x-nullable", true);
        }
      }
    }
    if (data.consumeBoolean()) {
      s.put(data.pickValue(List.of("readOnly", "writeOnly", "deprecated")), true);
    }
    if (data.consumeInt(0, 7) == 0) {
      s.put("default", data.consumeString(3));
    }
    return s;
  }
}
