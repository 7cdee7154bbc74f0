package io.rest2grpc.maven.mappers.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.rest2grpc.maven.mappers.dto.DtoShape.DtoProperty;
import io.rest2grpc.maven.mappers.dto.JavaType.Primitive;
import io.rest2grpc.maven.mappers.plan.Cardinality;
import io.rest2grpc.maven.mappers.plan.Conversion;
import io.rest2grpc.maven.mappers.plan.FieldMapping;
import io.rest2grpc.maven.protojava.ProtoJavaNames;
import java.util.Optional;

/**
 * The code of one mapped field, by its cardinality: the statements that set it on the builder {@code proto} from a
 * DTO value, and the expression that reads it from the message {@code proto}. Message and wrapper mappers share it.
 */
final class FieldCode {

  private static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
  private static final ClassName COLLECTORS = ClassName.get("java.util.stream", "Collectors");
  // the collection types Jackson builds for List, Set and Map, so that a handler gets from gRPC what it gets from REST:
  // mutable, a set in the same iteration order
  private static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");
  private static final ClassName HASH_SET = ClassName.get("java.util", "HashSet");
  private static final ClassName LINKED_HASH_MAP = ClassName.get("java.util", "LinkedHashMap");
  private static final ClassName MAP = ClassName.get("java.util", "Map");

  private final ConversionCode conversions;

  FieldCode(ConversionCode conversions) {
    this.conversions = conversions;
  }

  /** Sets the field from the DTO value {@code value}, unless it is null. */
  CodeBlock toProto(FieldMapping field, CodeBlock value) {
    if (field.property().type() instanceof Primitive) {
      return set(field, value);
    }
    return CodeBlock.builder().beginControlFlow("if ($L != null)", value).add(set(field, value)).endControlFlow().build();
  }

  /** Sets the field from the DTO value {@code value}, which is not null. */
  CodeBlock set(FieldMapping field, CodeBlock value) {
    String accessor = ProtoJavaNames.accessor(field.field());
    CodeBlock.Builder code = CodeBlock.builder();
    switch (field.cardinality()) {
      case SINGULAR, PRESENCE -> code.addStatement("proto.set$L($L)", accessor, conversions.toProto(field.conversion(), value));
      case OPTIONAL -> code.addStatement("$L.ifPresent(value -> proto.set$L($L))", value, accessor,
          conversions.toProto(field.conversion(), CodeBlock.of("value")));
      case LIST, SET, ARRAY -> code.beginControlFlow("for ($T element : $L)", JavaTypeNames.of(field.element()), value)
          .beginControlFlow("if (element != null)")
          .addStatement("proto.add$L($L)", accessor, conversions.toProto(field.conversion(), CodeBlock.of("element")))
          .endControlFlow()
          .endControlFlow();
      case MAP -> code.beginControlFlow("$L.forEach((key, value) ->", value)
          .beginControlFlow("if (key != null && value != null)")
          .addStatement("proto.put$L(key, $L)", accessor, conversions.toProto(field.conversion(), CodeBlock.of("value")))
          .endControlFlow()
          .unindent()
          .add("});\n");
    }
    return code.build();
  }

  /**
   * When the field's property is in the REST JSON of {@code proto}; empty when it always is. Jackson calls no setter
   * or builder method for a property the JSON lacks, so neither does a mapper: a field initializer or builder default
   * stays, as it does for REST.
   */
  Optional<CodeBlock> presence(FieldMapping field) {
    String accessor = ProtoJavaNames.accessor(field.field());
    return switch (field.cardinality()) {
      case PRESENCE, OPTIONAL -> Optional.of(CodeBlock.of("proto.has$L()", accessor));
      case SINGULAR -> field.defaultIsNull() ? Optional.of(isSet(field)) : Optional.empty();
      case LIST, SET, ARRAY, MAP -> field.defaultIsNull() ? Optional.of(CodeBlock.of("proto.get$LCount() > 0", accessor)) : Optional.empty();
    };
  }

  /** The field's value for the DTO, read from the message {@code proto}: null (or empty) where the REST JSON lacks it. */
  CodeBlock fromProto(FieldMapping field) {
    CodeBlock value = present(field);
    Optional<CodeBlock> presence = presence(field);
    if (presence.isEmpty() || field.cardinality() == Cardinality.PRESENCE && field.property().type() instanceof Primitive) {
      return value;
    }
    return CodeBlock.of("$L ? $L : $L", presence.get(), value,
        field.cardinality() == Cardinality.OPTIONAL ? CodeBlock.of("$T.empty()", OPTIONAL) : CodeBlock.of("null"));
  }

  /** The field's value for the DTO, where the REST JSON has the property. */
  CodeBlock present(FieldMapping field) {
    String accessor = ProtoJavaNames.accessor(field.field());
    Conversion conversion = field.conversion();
    boolean same = conversion instanceof Conversion.Same;
    CodeBlock single = conversions.fromProto(conversion, CodeBlock.of("proto.get$L()", accessor));
    CodeBlock list = CodeBlock.of("proto.get$LList()", accessor);
    return switch (field.cardinality()) {
      case SINGULAR, PRESENCE -> single;
      case OPTIONAL -> CodeBlock.of("$T.of($L)", OPTIONAL, single);
      case LIST, SET -> {
        ClassName collection = field.cardinality() == Cardinality.LIST ? ARRAY_LIST : HASH_SET;
        yield same ? CodeBlock.of("new $T<>($L)", collection, list)
            : CodeBlock.of("$L.stream().map($L).collect($T.toCollection($T::new))", list, conversions.fromProtoFunction(conversion),
                COLLECTORS, collection);
      }
      case ARRAY -> CodeBlock.of("$L.stream()$L.toArray($T[]::new)", list,
          same ? CodeBlock.of("") : CodeBlock.of(".map($L)", conversions.fromProtoFunction(conversion)),
          JavaTypeNames.of(field.element()));
      case MAP -> same ? CodeBlock.of("new $T<>(proto.get$LMap())", LINKED_HASH_MAP, accessor)
          : CodeBlock.of("proto.get$LMap().entrySet().stream().collect($T.toMap($T.Entry::getKey, entry -> $L, (first, second) -> first, $T::new))",
              accessor, COLLECTORS, MAP, conversions.fromProto(conversion, CodeBlock.of("entry.getValue()")), LINKED_HASH_MAP);
    };
  }

  private static CodeBlock isSet(FieldMapping field) {
    String accessor = ProtoJavaNames.accessor(field.field());
    return switch (field.field().getJavaType()) {
      case STRING, BYTE_STRING -> CodeBlock.of("!proto.get$L().isEmpty()", accessor);
      case BOOLEAN -> CodeBlock.of("proto.get$L()", accessor);
      default -> CodeBlock.of("proto.get$L() != 0", accessor);
    };
  }
}
