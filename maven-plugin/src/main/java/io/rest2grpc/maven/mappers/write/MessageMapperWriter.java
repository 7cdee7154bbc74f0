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
import io.rest2grpc.maven.mappers.dto.JavaType.Primitive;
import io.rest2grpc.maven.mappers.dto.JavaType;
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

  private final MessageMapper mapper;
  private final ConversionCode conversions;
  private final FieldCode fields;
  private final ClassName proto;
  private final TypeName dto;

  MessageMapperWriter(MessageMapper mapper, String mapperPackage) {
    this.mapper = mapper;
    this.conversions = new ConversionCode(mapperPackage);
    this.fields = new FieldCode(conversions);
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
      method.addCode(fields.toProto(field, CodeBlock.of("dto.$L()", field.property().getter().orElseThrow())));
    }
    return method.addStatement("return proto.build()").build();
  }

  private MethodSpec fromProto() {
    MethodSpec.Builder method = MapperClasses.nullSafe("fromProto", dto, proto, "proto");
    Construction construction = mapper.construction();
    if (construction instanceof Construction.ViaBuilder builder) {
      method.addStatement("var builder = $T.$L()", JavaTypeNames.raw(mapper.dto()), builder.builderMethod());
      for (FieldMapping field : mapper.fields()) {
        setWherePresent(method, field, CodeBlock.of("builder.$L($L)", field.property().javaName(), fields.present(field)));
      }
      method.addStatement("return builder.$L()", builder.buildMethod());
    } else if (construction instanceof Construction.ViaConstructor constructor) {
      List<CodeBlock> arguments = new ArrayList<>();
      for (ConstructorParameter parameter : constructor.parameters()) {
        arguments.add(field(parameter.property()).map(fields::fromProto).orElse(defaultValue(parameter.type())));
      }
      String diamond = mapper.dto().arguments().isEmpty() ? "" : "<>";
      method.addStatement(CodeBlock.builder().add("return new $T$L(", JavaTypeNames.raw(mapper.dto()), diamond)
          .add(arguments.stream().map(argument -> CodeBlock.of("\n$L", argument)).collect(CodeBlock.joining(",")))
          .add(")").build());
    } else {
      method.addStatement("$T dto = new $T$L()", dto, JavaTypeNames.raw(mapper.dto()), mapper.dto().arguments().isEmpty() ? "" : "<>");
      for (FieldMapping field : mapper.fields()) {
        setWherePresent(method, field, CodeBlock.of("dto.$L($L)", field.property().setter().orElseThrow(), fields.present(field)));
      }
      method.addStatement("return dto");
    }
    return method.build();
  }

  /** As Jackson, calls a setter or builder method only for a property the REST JSON has: defaults stay. */
  private void setWherePresent(MethodSpec.Builder method, FieldMapping field, CodeBlock set) {
    Optional<CodeBlock> presence = fields.presence(field);
    if (presence.isEmpty()) {
      method.addStatement(set);
    } else {
      method.beginControlFlow("if ($L)", presence.get()).addStatement(set).endControlFlow();
    }
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
}
