package io.rest2grpc.maven.mappers;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import io.rest2grpc.maven.mappers.MapperSet.PlannedMapper;
import io.rest2grpc.maven.mappers.dto.JavaType.Declared;
import io.rest2grpc.maven.mappers.plan.Mapper.UnionMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * Copies the sample DTO sources the mappers use, less what ties them to the rest of the app: static factory
 * methods ({@code OrderDto.from(Order)}, which need the JPA entities) and JPA annotations (no JPA on the test
 * classpath). Neither changes a DTO's JSON: fields, accessors, constructors, Lombok and Jackson annotations stay.
 */
final class DtoSources {

  private static final JavaParser PARSER = new JavaParser(new ParserConfiguration().setLanguageLevel(LanguageLevel.JAVA_17));

  private DtoSources() {}

  static void copy(MapperSet plan, Path sourceRoot, Path target) throws IOException {
    for (String topLevel : topLevelClasses(plan)) {
      Path relative = Path.of(topLevel.replace('.', '/') + ".java");
      CompilationUnit unit = PARSER.parse(sourceRoot.resolve(relative)).getResult().orElseThrow();
      unit.getImports().removeIf(anImport -> anImport.getNameAsString().startsWith("jakarta.persistence"));
      unit.findAll(AnnotationExpr.class).stream().filter(annotation -> annotation.getNameAsString().equals("Embeddable"))
          .forEach(AnnotationExpr::remove);
      unit.findAll(MethodDeclaration.class).stream()
          .filter(method -> method.isStatic() && !method.isAnnotationPresent("JsonCreator"))
          .forEach(MethodDeclaration::remove);
      Path file = target.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, unit.toString());
    }
  }

  private static Set<String> topLevelClasses(MapperSet plan) {
    Set<String> classes = new TreeSet<>();
    for (PlannedMapper planned : plan.mappers()) {
      if (planned.mapper().dto() instanceof Declared declared && !declared.packageName().startsWith("java.")) {
        classes.add(topLevel(declared));
      }
      if (planned.mapper() instanceof UnionMapper union) {
        union.variants().forEach(variant -> classes.add(topLevel(variant.subtype())));
      }
    }
    return classes;
  }

  private static String topLevel(Declared type) {
    String outer = type.simpleNames().split("\\.")[0];
    return type.packageName() + "." + outer;
  }
}
