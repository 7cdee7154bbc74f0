package io.rest2grpc.maven.mappers.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.rest2grpc.maven.mappers.dto.JavaType;
import io.rest2grpc.maven.mappers.dto.JavaType.ArrayOf;
import io.rest2grpc.maven.mappers.dto.JavaType.Declared;
import io.rest2grpc.maven.mappers.dto.JavaType.Primitive;
import java.util.Arrays;

/** JavaPoet names of DTO types. */
public final class JavaTypeNames {

  private JavaTypeNames() {}

  public static TypeName of(JavaType type) {
    if (type instanceof Primitive primitive) {
      return switch (primitive.name()) {
        case "boolean" -> TypeName.BOOLEAN;
        case "byte" -> TypeName.BYTE;
        case "short" -> TypeName.SHORT;
        case "int" -> TypeName.INT;
        case "long" -> TypeName.LONG;
        case "char" -> TypeName.CHAR;
        case "float" -> TypeName.FLOAT;
        default -> TypeName.DOUBLE;
      };
    }
    if (type instanceof ArrayOf array) {
      return ArrayTypeName.of(of(array.component()));
    }
    Declared declared = (Declared) type;
    ClassName raw = raw(declared);
    return declared.arguments().isEmpty() ? raw
        : ParameterizedTypeName.get(raw, declared.arguments().stream().map(JavaTypeNames::of).toArray(TypeName[]::new));
  }

  static ClassName raw(Declared declared) {
    String[] names = declared.simpleNames().split("\\.");
    return ClassName.get(declared.packageName(), names[0], Arrays.copyOfRange(names, 1, names.length));
  }
}
