package io.rest2grpc.openapi.convert.schemas;

import io.rest2grpc.openapi.proto.FieldOptions;
import io.rest2grpc.openapi.proto.ProtoField.Cardinality;
import io.rest2grpc.openapi.proto.TypeRef;

/**
 * How a schema is carried by a field: what it is, its type, whether it repeats or is a map, whether it wants
 * explicit presence (nullable or defaulted scalars and enums), and what the REST member says beyond proto3 JSON (the options of a field that carries it).
 */
public record Shape(SchemaKind kind, TypeRef type, Cardinality cardinality, boolean presence, FieldOptions options) {

  public Cardinality fieldCardinality() {
    return cardinality == Cardinality.SINGULAR && presence ? Cardinality.OPTIONAL : cardinality;
  }
}
