package io.rest2grpc.openapi.convert.schemas;

import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.swagger.v3.oas.models.media.Schema;
import java.util.List;
import java.util.Set;

/** What a normalized schema becomes: a message, an enum, a scalar, a list, a map, a Struct or a Value. */
final class SchemaClassifier {
  private final Discriminators discriminators;

  SchemaClassifier(Discriminators discriminators) {
    this.discriminators = discriminators;
  }

  SchemaKind classify(Schema<?> s, SourceLocation at) {
    if (s.getBooleanSchemaValue() != null) {
      return SchemaKind.ANY;
    }
    List<Schema<?>> union = Schemas.nonNull(Schemas.oneOrAnyOf(s));
    if (!union.isEmpty()) {
      return union.stream().allMatch(SchemaClassifier::isConstant) ? SchemaKind.ENUM : SchemaKind.MESSAGE;
    }
    if (!Schemas.allOf(s).isEmpty()) {
      return SchemaKind.MESSAGE;
    }
    if (s.getDiscriminator() != null && !discriminators.subtypes(s, at).isEmpty()) {
      return SchemaKind.MESSAGE;
    }
    List<Object> values = Scalars.enumValues(s);
    if (!values.isEmpty()) {
      if (values.stream().allMatch(v -> v instanceof String) || values.stream().allMatch(Scalars::isIntegral)) {
        return SchemaKind.ENUM;
      }
      return values.stream().allMatch(v -> v instanceof Boolean || v instanceof Number) ? SchemaKind.SCALAR : SchemaKind.ANY;
    }
    Set<String> types = Schemas.types(s);
    if (types.size() > 1) {
      return types.equals(Set.of("integer", "number")) ? SchemaKind.SCALAR : SchemaKind.ANY;
    }
    String type = types.isEmpty() ? null : types.iterator().next();
    if ("array".equals(type) || (type == null && s.getItems() != null)) {
      return SchemaKind.ARRAY;
    }
    if ("object".equals(type) || type == null) {
      if (Schemas.hasProperties(s)) {
        return SchemaKind.MESSAGE;
      }
      Object ap = Schemas.additionalProperties(s);
      if (ap instanceof Schema<?> valueSchema && !Schemas.isShapeless(valueSchema)) {
        return SchemaKind.MAP;
      }
      if (type == null && ap == null) {
        return s.getConst() != null ? SchemaKind.SCALAR : SchemaKind.ANY;
      }
      return SchemaKind.STRUCT;
    }
    return switch (type) {
      case "string", "integer", "number", "boolean" -> SchemaKind.SCALAR;
      default -> SchemaKind.ANY;
    };
  }

  private static boolean isConstant(Schema<?> s) {
    return s.get$ref() == null && (s.getConst() != null || (s.getEnum() != null && s.getEnum().size() == 1 && s.getEnum().get(0) != null))
        && !Schemas.hasProperties(s);
  }
}
