package io.rest2grpc.openapi.proto;

import io.rest2grpc.openapi.diagnostics.SourceLocation;
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

  public ProtoField withOptions(FieldOptions options) {
    return new ProtoField(name, number, type, cardinality, jsonName, oneof, behaviors, deprecated, comment, source, options);
  }

  public ProtoField withType(TypeRef type) {
    return new ProtoField(name, number, type, cardinality, jsonName, oneof, behaviors, deprecated, comment, source, options);
  }

  /** The field under the name and number the lock gives it, answering to {@code jsonName} (null: protoc's default). */
  public ProtoField locked(String name, int number, String jsonName) {
    return new ProtoField(name, number, type, cardinality, jsonName, oneof, behaviors, deprecated, comment, source, options);
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
