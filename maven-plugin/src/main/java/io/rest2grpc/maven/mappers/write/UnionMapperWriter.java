package io.rest2grpc.maven.mappers.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.rest2grpc.maven.mappers.Direction;
import io.rest2grpc.maven.mappers.plan.Mapper.UnionMapper;
import io.rest2grpc.maven.mappers.plan.Mapper.Variant;
import io.rest2grpc.maven.protojava.ProtoJavaNames;

/** Writes the mapper of a polymorphic DTO ⇔ a message holding one oneof: one variant per subtype. */
final class UnionMapperWriter {

  private final UnionMapper mapper;
  private final String mapperPackage;
  private final ClassName proto;
  private final ClassName dto;

  UnionMapperWriter(UnionMapper mapper, String mapperPackage) {
    this.mapper = mapper;
    this.mapperPackage = mapperPackage;
    this.proto = ProtoJavaNames.message(mapper.message());
    this.dto = JavaTypeNames.raw(mapper.dto());
  }

  TypeSpec write(Direction direction) {
    TypeSpec.Builder type = MapperClasses.begin(mapper.name(), CodeBlock.of(
        "Maps {@link $T} ⇔ {@code $L}: each subtype to the oneof variant its JSON type name selects.\n", dto, mapper.protoName()));
    if (direction.toProto()) {
      type.addMethod(toProto());
    }
    if (direction.fromProto()) {
      type.addMethod(fromProto());
    }
    return type.build();
  }

  private MethodSpec toProto() {
    MethodSpec.Builder method = MapperClasses.nullSafe("toProto", proto, dto, "dto")
        .addStatement("$T.Builder proto = $T.newBuilder()", proto, proto);
    boolean first = true;
    for (Variant variant : mapper.variants()) {
      String condition = "dto instanceof $T variant";
      if (first) {
        method.beginControlFlow("if (" + condition + ")", JavaTypeNames.raw(variant.subtype()));
        first = false;
      } else {
        method.nextControlFlow("else if (" + condition + ")", JavaTypeNames.raw(variant.subtype()));
      }
      method.addStatement("proto.set$L($T.toProto(variant))", ProtoJavaNames.accessor(variant.field()), mapperClass(variant));
    }
    if (!first) {
      method.endControlFlow();
    }
    return method.addStatement("return proto.build()").build();
  }

  private MethodSpec fromProto() {
    MethodSpec.Builder method = MapperClasses.nullSafe("fromProto", dto, proto, "proto");
    for (Variant variant : mapper.variants()) {
      String accessor = ProtoJavaNames.accessor(variant.field());
      method.beginControlFlow("if (proto.has$L())", accessor)
          .addStatement("return $T.fromProto(proto.get$L())", mapperClass(variant), accessor)
          .endControlFlow();
    }
    return method.addStatement("return null").build();
  }

  private ClassName mapperClass(Variant variant) {
    return ClassName.get(mapperPackage, variant.mapperName());
  }
}
