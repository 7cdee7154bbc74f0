package io.rest2grpc.openapi.lock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rest2grpc.openapi.compat.SchemaType;
import io.rest2grpc.openapi.lock.Lock.Field;
import io.rest2grpc.openapi.proto.ProtoEnum;
import io.rest2grpc.openapi.proto.TypeRef;
import java.util.Map;
import java.util.Set;

/**
 * The REST schema a proto type as the lock records it ({@code repeated google.protobuf.Value},
 * {@code optional int64}, {@code OrderStatus}) stands for, so that a locked field's retype is judged
 * as {@code check} judges two specs ({@link SchemaType#judge}): {@code string} → {@code google.protobuf.Timestamp}
 * is {@code string} → {@code string (date-time)}, a refinement; {@code google.protobuf.Struct} →
 * {@code Value} is a free-form object → anything, a REST break.
 */
final class RestSchemas {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** Well-known types a held-back field may keep, by the file that declares them. */
  private static final Map<String, String> WELL_KNOWN = Map.of(
      "google.protobuf.Struct", "google/protobuf/struct.proto",
      "google.protobuf.Value", "google/protobuf/struct.proto",
      "google.protobuf.ListValue", "google/protobuf/struct.proto",
      "google.protobuf.Timestamp", "google/protobuf/timestamp.proto",
      "google.protobuf.Duration", "google/protobuf/duration.proto");

  /** The enums of the conversion being locked: whether their REST values are integers. */
  private final Map<String, ProtoEnum> enums;
  /** The enums of the lock, some of which the conversion may no longer have. */
  private final Set<String> lockedEnums;

  RestSchemas(Map<String, ProtoEnum> enums, Set<String> lockedEnums) {
    this.enums = enums;
    this.lockedEnums = lockedEnums;
  }

  /** The REST type a declared type stands for, in words: {@code string (date-time)}, {@code array of any}. */
  String describe(String declared) {
    JsonNode schema = schema(declared);
    return schema == null ? declared : describe(schema);
  }

  private static String describe(JsonNode schema) {
    SchemaType type = SchemaType.of(schema);
    return schema.has("items") ? type + " of " + describe(schema.get("items"))
        : schema.has("additionalProperties") ? type + " of " + describe(schema.get("additionalProperties"))
        : type.toString();
  }

  /** The conversion's enum of this name, or null. */
  ProtoEnum enumNamed(String name) {
    return enums.get(name);
  }

  /** The change from the locked declared type to the current one, judged on the REST schemas they stand for. */
  SchemaType.Change change(String locked, String current) {
    JsonNode before = schema(locked);
    JsonNode after = schema(current);
    return before == null || after == null ? SchemaType.Change.BREAKING : SchemaType.judge(before, after);
  }

  /** The schema a declared type stands for; null for a type it does not know (an imported one other than the well-known). */
  JsonNode schema(String declared) {
    String type = Field.withoutPresence(declared);
    if (type.startsWith("repeated ")) {
      JsonNode items = schema(type.substring("repeated ".length()));
      return items == null ? null : JSON.objectNode().put("type", "array").set("items", items);
    }
    if (type.startsWith("map<")) {
      JsonNode values = schema(Field.baseType(type));
      return values == null ? null : JSON.objectNode().put("type", "object").set("additionalProperties", values);
    }
    return base(type);
  }

  private JsonNode base(String type) {
    ObjectNode schema = JSON.objectNode();
    switch (type) {
      case "string" -> schema.put("type", "string");
      case "bytes" -> schema.put("type", "string").put("format", "byte");
      case "bool" -> schema.put("type", "boolean");
      case "int64", "sint64", "sfixed64" -> schema.put("type", "integer");
      case "int32", "sint32", "sfixed32" -> schema.put("type", "integer").put("format", "int32");
      case "uint32", "fixed32" -> schema.put("type", "integer").put("format", "uint32");
      case "uint64", "fixed64" -> schema.put("type", "integer").put("format", "uint64");
      case "double" -> schema.put("type", "number");
      case "float" -> schema.put("type", "number").put("format", "float");
      case "google.protobuf.Timestamp" -> schema.put("type", "string").put("format", "date-time");
      case "google.protobuf.Duration" -> schema.put("type", "string").put("format", "duration");
      case "google.protobuf.Struct" -> schema.put("type", "object");
      case "google.protobuf.Value" -> { }
      case "google.protobuf.ListValue" -> schema.put("type", "array").set("items", JSON.objectNode());
      default -> {
        if (type.contains(".")) {
          return null;
        }
        ProtoEnum protoEnum = enums.get(type);
        if (protoEnum != null) {
          // the values' JSON type is what a retype to or from a scalar is judged on, not the values
          schema.put("type", protoEnum.options().getIntegerValues() ? "integer" : "string").putArray("enum").add(protoEnum.name());
        } else if (lockedEnums.contains(type)) {
          schema.putArray("enum").add(true);
        } else {
          schema.put("type", "object").putObject("properties");
          ((ObjectNode) schema.get("properties")).putObject(type);
        }
      }
    }
    return schema;
  }

  /** The proto type a held-back field keeps: a scalar or a well-known type; null for any other. */
  static TypeRef keepable(String declared) {
    String base = Field.baseType(declared);
    if (WELL_KNOWN.containsKey(base)) {
      return TypeRef.imported(base, WELL_KNOWN.get(base));
    }
    return !base.contains(".") && Character.isLowerCase(base.charAt(0)) ? TypeRef.scalar(base) : null;
  }
}
