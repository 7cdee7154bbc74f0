package io.rest2grpc.maven.mappers.write;

import com.palantir.javapoet.TypeSpec;
import io.rest2grpc.maven.mappers.Direction;
import io.rest2grpc.maven.mappers.plan.Mapper;
import io.rest2grpc.maven.mappers.plan.Mapper.EnumMapper;
import io.rest2grpc.maven.mappers.plan.Mapper.MessageMapper;
import io.rest2grpc.maven.mappers.plan.Mapper.UnionMapper;
import io.rest2grpc.maven.mappers.plan.Mapper.WrapperMapper;

/** Writes one planned mapper as a class, by its kind. */
public final class MapperClassWriter {

  private MapperClassWriter() {}

  public static TypeSpec write(Mapper mapper, Direction direction, String mapperPackage) {
    if (mapper instanceof MessageMapper message) {
      return new MessageMapperWriter(message, mapperPackage).write(direction);
    }
    if (mapper instanceof EnumMapper enumeration) {
      return new EnumMapperWriter(enumeration).write(direction);
    }
    if (mapper instanceof WrapperMapper wrapper) {
      return new WrapperMapperWriter(wrapper, mapperPackage).write(direction);
    }
    return new UnionMapperWriter((UnionMapper) mapper, mapperPackage).write(direction);
  }
}
