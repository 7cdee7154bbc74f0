package io.rest2grpc.openapi.convert;

import io.rest2grpc.openapi.proto.ProtoField.Cardinality;
import io.rest2grpc.openapi.proto.TypeRef;
import io.rest2grpc.openapi.report.Fact;
import java.util.Map;

/**
 * How a schema is carried by a field: what it is, its type, whether it repeats or is a map, whether it wants
 * explicit presence (nullable or defaulted scalars and enums), and the REST facts about it.
 */
record Shape(SchemaKind kind, TypeRef type, Cardinality cardinality, boolean presence, Map<Fact, Object> facts) {

  Cardinality fieldCardinality() {
    return cardinality == Cardinality.SINGULAR && presence ? Cardinality.OPTIONAL : cardinality;
  }
}
