package io.rest2grpc.maven.mappers.write;

import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.rest2grpc.maven.mappers.Direction;
import io.rest2grpc.maven.mappers.plan.Mapper.EnumMapper;
import io.rest2grpc.maven.mappers.plan.Mapper.EnumPair;
import io.rest2grpc.maven.protojava.ProtoJavaNames;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;

/**
 * Writes the mapper of a Java enum (or of a String holding wire values) ⇔ a proto enum: exhaustive switches,
 * so a constant added on either side breaks the build of the ejected code instead of mapping silently.
 */
final class EnumMapperWriter {

  private final EnumMapper mapper;
  private final ClassName proto;
  private final TypeName dto;
  private final boolean strings;

  EnumMapperWriter(EnumMapper mapper) {
    this.mapper = mapper;
    this.proto = ProtoJavaNames.enumeration(mapper.protoEnum());
    this.dto = JavaTypeNames.of(mapper.dto());
    this.strings = dto.equals(ClassName.get(String.class));
  }

  TypeSpec write(Direction direction) {
    CodeBlock javadoc = strings
        ? CodeBlock.of("Maps the REST wire values of {@code $L} (String properties) to its values and back.\n", mapper.protoName())
        : CodeBlock.of("Maps {@link $T} ⇔ {@code $L}, constant by constant, matched by their REST JSON values.\n", dto, mapper.protoName());
    TypeSpec.Builder type = MapperClasses.begin(mapper.name(), javadoc);
    if (direction.toProto()) {
      type.addMethod(toProto());
    }
    if (direction.fromProto()) {
      type.addMethod(fromProto());
    }
    return type.build();
  }

  private MethodSpec toProto() {
    MethodSpec.Builder method = MethodSpec.methodBuilder("toProto")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(proto)
        .addParameter(dto, "value");
    mapper.unspecified().ifPresent(unspecified -> method.beginControlFlow("if (value == null)")
        .addStatement("return $T.$L", proto, unspecified.getName())
        .endControlFlow());
    CodeBlock.Builder cases = CodeBlock.builder().add("return switch (value) {\n").indent();
    for (EnumPair pair : mapper.pairs()) {
      cases.add(strings ? "case $S -> $T.$L;\n" : "case $L -> $T.$L;\n", pair.javaValue(), proto, pair.protoValue().getName());
    }
    if (strings) {
      cases.add("default -> throw new $T(\"'\" + value + \"' is no value of $L; expected one of $L\");\n", IllegalArgumentException.class,
          mapper.protoName(), mapper.pairs().stream().map(EnumPair::javaValue).collect(Collectors.joining(", ")));
    }
    return method.addCode(cases.unindent().add("};\n").build()).build();
  }

  private MethodSpec fromProto() {
    CodeBlock.Builder cases = CodeBlock.builder().add("return switch (value) {\n").indent();
    for (EnumPair pair : mapper.pairs()) {
      if (strings) {
        cases.add("case $L -> $S;\n", pair.protoValue().getName(), pair.javaValue());
      } else {
        cases.add("case $L -> $T.$L;\n", pair.protoValue().getName(), dto, pair.javaValue());
      }
    }
    List<String> toNull = new ArrayList<>();
    mapper.unspecified().map(EnumValueDescriptor::getName).ifPresent(toNull::add);
    toNull.add("UNRECOGNIZED");
    cases.add("case $L -> null;\n", String.join(", ", toNull));
    return MethodSpec.methodBuilder("fromProto")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(dto)
        .addParameter(proto, "value")
        .addCode(cases.unindent().add("};\n").build())
        .build();
  }
}
