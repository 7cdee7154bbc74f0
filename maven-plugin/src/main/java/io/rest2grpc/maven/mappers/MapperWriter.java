package io.rest2grpc.maven.mappers;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import io.rest2grpc.maven.mappers.MapperSet.PlannedMapper;
import io.rest2grpc.maven.mappers.write.MapperClassWriter;
import java.util.List;

/** Writes the mapper classes of a plan as Java source, one class per DTO/proto pair, deterministically. */
public final class MapperWriter {

  private MapperWriter() {}

  public static List<JavaFile> write(MapperSet mappers, String javaPackage) {
    return mappers.mappers().stream()
        .map(planned -> file(planned, javaPackage))
        .toList();
  }

  private static JavaFile file(PlannedMapper planned, String javaPackage) {
    TypeSpec type = MapperClassWriter.write(planned.mapper(), planned.direction(), javaPackage);
    return JavaFile.builder(javaPackage, type).skipJavaLangImports(true).indent("  ").build();
  }
}
