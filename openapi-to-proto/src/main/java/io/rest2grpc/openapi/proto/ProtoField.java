package io.rest2grpc.openapi.proto;

import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.naming.Names;
import java.util.List;

/**
 * A message field. {@code jsonName} is set only where the REST name differs from the JSON name
 * protoc would derive; {@code oneof} names the oneof the field belongs to, if any; {@code source} is
 * where it is written in the spec (its property or parameter); {@code options} what its REST member
 * says beyond proto3 JSON.
 */
public record ProtoField(
    String name,
    int number,
    TypeRef type,
    Cardinality cardinality,
    String jsonName,
    String oneof,
    List<String> behaviors,
    boolean deprecated,
    String comment,
    SourceLocation source,
    FieldOptions options) {

  public ProtoField {
    behaviors = List.copyOf(behaviors);
  }

  public ProtoField withOptions(FieldOptions options) {
    return new ProtoField(name, number, type, cardinality, jsonName, oneof, behaviors, deprecated, comment, source, options);
  }

  public ProtoField withType(TypeRef type) {
    return new ProtoField(name, number, type, cardinality, jsonName, oneof, behaviors, deprecated, comment, source, options);
  }

  public ProtoField withNumber(int number) {
    return new ProtoField(name, number, type, cardinality, jsonName, oneof, behaviors, deprecated, comment, source, options);
  }

  /** The name on the REST wire: {@code jsonName} where set, else the JSON name protoc derives. */
  public String restName() {
    return jsonName != null ? jsonName : Names.defaultJsonName(name);
  }

  /** The field under another name, answering to the same JSON name. */
  public ProtoField renamed(String name) {
    String json = restName();
    return new ProtoField(name, number, type, cardinality, json.equals(Names.defaultJsonName(name)) ? null : json, oneof, behaviors,
        deprecated, comment, source, options);
  }

  public enum Cardinality {
    /** proto3 implicit presence. */
    SINGULAR,
    /** proto3 {@code optional}: explicit presence. */
    OPTIONAL,
    REPEATED,
    /** {@code map<string, type>}. */
    MAP
  }
}
