package io.rest2grpc.maven.mappers.write;

import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.rest2grpc.maven.mappers.Direction;
import io.rest2grpc.maven.mappers.dto.DtoShape.Construction.ConstructorParameter;
import io.rest2grpc.maven.mappers.dto.DtoShape.Construction;
import io.rest2grpc.maven.mappers.dto.DtoShape.DtoProperty;
import io.rest2grpc.maven.mappers.dto.JavaType.Primitive;
import io.rest2grpc.maven.mappers.dto.JavaType;
import io.rest2grpc.maven.mappers.plan.Cardinality;
import io.rest2grpc.maven.mappers.plan.Conversion;
import io.rest2grpc.maven.mappers.plan.FieldMapping;
import io.rest2grpc.maven.mappers.plan.Mapper.ConstantField;
import io.rest2grpc.maven.mappers.plan.Mapper.MessageMapper;
import io.rest2grpc.maven.protojava.ProtoJavaNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Writes the mapper class of a DTO class ⇔ message pair. */
final class MessageMapperWriter {

  private static final ClassName LIST = ClassName.get("java.util", "List");
  private static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
  private static final ClassName COLLECTORS = ClassName.get("java.util.stream", "Collectors");
  private static final ClassName LINKED_HASH_SET = ClassName.get("java.util", "LinkedHashSet");
  private static final ClassName LINKED_HASH_MAP = ClassName.get("java.util", "LinkedHashMap");
  private static final ClassName MAP = ClassName.get("java.util", "Map");

  private final MessageMapper mapper;
  private final ConversionCode conversions;
  private final ClassName proto;
  private final TypeName dto;

  MessageMapperWriter(MessageMapper mapper, String mapperPackage) {
    this.mapper = mapper;
    this.conversions = new ConversionCode(mapperPackage);
    this.proto = ProtoJavaNames.message(mapper.message());
    this.dto = JavaTypeNames.of(mapper.dto());
  }

  TypeSpec write(Direction direction) {
    TypeSpec.Builder type = MapperClasses.begin(mapper.name(), javadoc());
    if (direction.toProto()) {
      type.addMethod(toProto());
    }
    if (direction.fromProto()) {
      type.addMethod(fromProto());
    }
    conversions.helpers().forEach(helper -> type.addMethod(helper.method()));
    return type.build();
  }

  private CodeBlock javadoc() {
    CodeBlock.Builder doc = CodeBlock.builder()
        .add("Maps {@link $T} ⇔ {@code $L}, property by property, matched by their REST JSON names.\n",
            JavaTypeNames.raw(mapper.dto()), mapper.message().getFullName());
    if (!mapper.unmatched().isEmpty()) {
      doc.add("\n<p>Fields of {@code $L} without a DTO property, left unset and ignored as the REST JSON did: $L.\n",
          mapper.message().getName(), mapper.unmatched().stream().map(field -> "{@code " + field.getName() + "}")
              .collect(Collectors.joining(", ")));
    }
    return doc.build();
  }

  private MethodSpec toProto() {
    MethodSpec.Builder method = MapperClasses.nullSafe("toProto", proto, dto, "dto")
        .addStatement("$T.Builder proto = $T.newBuilder()", proto, proto);
    for (ConstantField constant : mapper.constants()) {
      String setter = "set" + ProtoJavaNames.accessor(constant.field());
      if (constant.value() instanceof EnumValueDescriptor value) {
        method.addStatement("proto.$L($T.$L)", setter, ProtoJavaNames.enumeration(value.getType()), value.getName());
      } else {
        method.addStatement("proto.$L($S)", setter, constant.value());
      }
    }
    for (FieldMapping field : mapper.fields()) {
      method.addCode(toProtoStatement(field));
    }
    return method.addStatement("return proto.build()").build();
  }

  private CodeBlock toProtoStatement(FieldMapping field) {
    String accessor = ProtoJavaNames.accessor(field.field());
    CodeBlock value = CodeBlock.of("dto.$L()", field.property().getter().orElseThrow());
    CodeBlock.Builder code = CodeBlock.builder();
    boolean primitive = field.property().type() instanceof Primitive;
    if (!primitive) {
      code.beginControlFlow("if ($L != null)", value);
    }
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
    if (!primitive) {
      code.endControlFlow();
    }
    return code.build();
  }

  private MethodSpec fromProto() {
    MethodSpec.Builder method = MapperClasses.nullSafe("fromProto", dto, proto, "proto");
    Construction construction = mapper.construction();
    if (construction instanceof Construction.ViaBuilder builder) {
      CodeBlock.Builder chain = CodeBlock.builder().add("return $T.$L()", JavaTypeNames.raw(mapper.dto()), builder.builderMethod());
      for (FieldMapping field : mapper.fields()) {
        chain.add("\n.$L($L)", field.property().javaName(), fromProtoValue(field));
      }
      method.addStatement(chain.add("\n.$L()", builder.buildMethod()).build());
    } else if (construction instanceof Construction.ViaConstructor constructor) {
      List<CodeBlock> arguments = new ArrayList<>();
      for (ConstructorParameter parameter : constructor.parameters()) {
        arguments.add(field(parameter.property()).map(this::fromProtoValue).orElse(defaultValue(parameter.type())));
      }
      String diamond = mapper.dto().arguments().isEmpty() ? "" : "<>";
      method.addStatement(CodeBlock.builder().add("return new $T$L(", JavaTypeNames.raw(mapper.dto()), diamond)
          .add(arguments.stream().map(argument -> CodeBlock.of("\n$L", argument)).collect(CodeBlock.joining(",")))
          .add(")").build());
    } else {
      method.addStatement("$T dto = new $T$L()", dto, JavaTypeNames.raw(mapper.dto()), mapper.dto().arguments().isEmpty() ? "" : "<>");
      for (FieldMapping field : mapper.fields()) {
        method.addStatement("dto.$L($L)", field.property().setter().orElseThrow(), fromProtoValue(field));
      }
      method.addStatement("return dto");
    }
    return method.build();
  }

  private static CodeBlock isDefault(FieldMapping field) {
    String accessor = ProtoJavaNames.accessor(field.field());
    return switch (field.field().getJavaType()) {
      case STRING, BYTE_STRING -> CodeBlock.of("proto.get$L().isEmpty()", accessor);
      case BOOLEAN -> CodeBlock.of("!proto.get$L()", accessor);
      default -> CodeBlock.of("proto.get$L() == 0", accessor);
    };
  }

  private static CodeBlock defaultValue(JavaType type) {
    if (!(type instanceof Primitive primitive)) {
      return CodeBlock.of("null");
    }
    return CodeBlock.of(switch (primitive.name()) {
      case "boolean" -> "false";
      case "long" -> "0L";
      case "float" -> "0F";
      case "double" -> "0D";
      case "char" -> "'\\0'";
      default -> "0";
    });
  }

  private Optional<FieldMapping> field(String property) {
    return mapper.fields().stream().filter(field -> field.property().javaName().equals(property)).findFirst();
  }

  private CodeBlock fromProtoValue(FieldMapping field) {
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
}
