package io.rest2grpc.maven.mappers.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.rest2grpc.maven.mappers.Direction;
import io.rest2grpc.maven.mappers.plan.Mapper.WrapperMapper;
import io.rest2grpc.maven.protojava.ProtoJavaNames;

/** Writes the mapper of a nested collection ⇔ its wrapper message: the collection is the message's one field. */
final class WrapperMapperWriter {

  private final WrapperMapper mapper;
  private final ConversionCode conversions;
  private final FieldCode fields;
  private final ClassName proto;
  private final TypeName dto;

  WrapperMapperWriter(WrapperMapper mapper, String mapperPackage) {
    this.mapper = mapper;
    this.conversions = new ConversionCode(mapperPackage);
    this.fields = new FieldCode(conversions);
    this.proto = ProtoJavaNames.message(mapper.message());
    this.dto = JavaTypeNames.of(mapper.dto());
  }

  TypeSpec write(Direction direction) {
    TypeSpec.Builder type = MapperClasses.begin(mapper.name(), CodeBlock.of(
        "Maps {@code $L} ⇔ {@code $L}, the wrapper that carries it as its field {@code $L}.\n", dto, mapper.protoName(),
        mapper.values().field().getName()));
    if (direction.toProto()) {
      type.addMethod(MapperClasses.nullSafe("toProto", proto, dto, "values")
          .addStatement("$T.Builder proto = $T.newBuilder()", proto, proto)
          .addCode(fields.set(mapper.values(), CodeBlock.of("values")))
          .addStatement("return proto.build()")
          .build());
    }
    if (direction.fromProto()) {
      type.addMethod(MapperClasses.nullSafe("fromProto", dto, proto, "proto")
          .addStatement("return $L", fields.fromProto(mapper.values()))
          .build());
    }
    conversions.helpers().forEach(helper -> type.addMethod(helper.method()));
    return type.build();
  }
}
