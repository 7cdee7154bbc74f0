package io.rest2grpc.openapi.proto;

import io.rest2grpc.openapi.SourceLocation;
import java.util.List;

/**
 * A message field. {@code jsonName} is set only where the REST name differs from the JSON name
 * protoc would derive; {@code oneof} names the oneof the field belongs to, if any; {@code source} is
 * where it is written in the spec (its property or parameter).
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
    SourceLocation source) {

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
