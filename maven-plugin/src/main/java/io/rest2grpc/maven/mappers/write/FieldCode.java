package io.rest2grpc.maven.mappers.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.rest2grpc.maven.mappers.dto.DtoShape.DtoProperty;
import io.rest2grpc.maven.mappers.dto.JavaType.Primitive;
import io.rest2grpc.maven.mappers.plan.Conversion;
import io.rest2grpc.maven.mappers.plan.FieldMapping;
import io.rest2grpc.maven.protojava.ProtoJavaNames;

/**
 * The code of one mapped field, by its cardinality: the statements that set it on the builder {@code proto} from a
 * DTO value, and the expression that reads it from the message {@code proto}. Message and wrapper mappers share it.
 */
final class FieldCode {

  private static final ClassName LIST = ClassName.get("java.util", "List");
  private static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
  private static final ClassName COLLECTORS = ClassName.get("java.util.stream", "Collectors");
  private static final ClassName LINKED_HASH_SET = ClassName.get("java.util", "LinkedHashSet");
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

  /** The field's value for the DTO, read from the message {@code proto}. */
  CodeBlock fromProto(FieldMapping field) {
    String accessor = ProtoJavaNames.accessor(field.field());
    Conversion conversion = field.conversion();
    boolean same = conversion instanceof Conversion.Same;
    CodeBlock single = conversions.fromProto(conversion, CodeBlock.of("proto.get$L()", accessor));
    CodeBlock list = CodeBlock.of("proto.get$LList()", accessor);
    DtoProperty property = field.property();
    return switch (field.cardinality()) {
      case SINGULAR -> field.defaultIsNull() ? CodeBlock.of("$L ? null : $L", isDefault(field), single) : single;
      case PRESENCE -> property.type() instanceof Primitive ? single : CodeBlock.of("proto.has$L() ? $L : null", accessor, single);
      case OPTIONAL -> CodeBlock.of("proto.has$L() ? $T.of($L) : $T.empty()", accessor, OPTIONAL, single, OPTIONAL);
      case LIST -> same ? CodeBlock.of("$T.copyOf($L)", LIST, list)
          : CodeBlock.of("$L.stream().map($L).toList()", list, conversions.fromProtoFunction(conversion));
      case SET -> same ? CodeBlock.of("new $T<>($L)", LINKED_HASH_SET, list)
          : CodeBlock.of("$L.stream().map($L).collect($T.toCollection($T::new))", list, conversions.fromProtoFunction(conversion),
              COLLECTORS, LINKED_HASH_SET);
      case ARRAY -> CodeBlock.of("$L.stream()$L.toArray($T[]::new)", list,
          same ? CodeBlock.of("") : CodeBlock.of(".map($L)", conversions.fromProtoFunction(conversion)),
          JavaTypeNames.of(field.element()));
      case MAP -> same ? CodeBlock.of("new $T<>(proto.get$LMap())", LINKED_HASH_MAP, accessor)
          : CodeBlock.of("proto.get$LMap().entrySet().stream().collect($T.toMap($T.Entry::getKey, entry -> $L, (first, second) -> first, $T::new))",
              accessor, COLLECTORS, MAP, conversions.fromProto(conversion, CodeBlock.of("entry.getValue()")), LINKED_HASH_MAP);
    };
  }

  private static CodeBlock isDefault(FieldMapping field) {
    String accessor = ProtoJavaNames.accessor(field.field());
    return switch (field.field().getJavaType()) {
      case STRING, BYTE_STRING -> CodeBlock.of("proto.get$L().isEmpty()", accessor);
      case BOOLEAN -> CodeBlock.of("!proto.get$L()", accessor);
      default -> CodeBlock.of("proto.get$L() == 0", accessor);
    };
  }
}
