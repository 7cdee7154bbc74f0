package io.rest2grpc.maven.eject;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.palantir.javapoet.ClassName;
import io.rest2grpc.maven.protojava.ProtoJavaNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The gRPC services the module's own sources implement (an ejected service, or one written by hand): a class
 * extending grpc-java's {@code <Service>Grpc.<Service>ImplBase}. {@code generate} leaves those services to them.
 */
public final class EjectedServices {

  private EjectedServices() {}

  /** Service full name → the qualified name of the class in {@code sourceRoots} that implements it. */
  public static Map<String, String> find(List<Path> sourceRoots, List<ServiceDescriptor> services) {
    Map<String, String> found = new TreeMap<>();
    JavaParser parser = new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
    for (Path root : sourceRoots) {
      for (Path file : javaFiles(root)) {
        String text = read(file);
        for (ServiceDescriptor service : services) {
          ClassName base = ProtoJavaNames.implBase(service);
          if (text.contains(base.simpleName())) {
            ParseResult<CompilationUnit> unit = parser.parse(text);
            unit.getResult().ifPresent(parsed -> parsed.findAll(ClassOrInterfaceDeclaration.class).stream()
                .filter(type -> type.getExtendedTypes().stream().anyMatch(extended -> isImplBase(extended, base)))
                .forEach(type -> type.getFullyQualifiedName().ifPresent(name -> found.put(service.getFullName(), name))));
          }
        }
      }
    }
    return found;
  }

  /** {@code OrdersServiceImplBase}, {@code OrdersServiceGrpc.OrdersServiceImplBase}, or the latter qualified. */
  private static boolean isImplBase(ClassOrInterfaceType extended, ClassName base) {
    String written = extended.getNameWithScope();
    return written.equals(base.simpleName()) || written.equals(base.enclosingClassName().simpleName() + "." + base.simpleName())
        || written.equals(base.canonicalName());
  }

  private static List<Path> javaFiles(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(file -> file.toString().endsWith(".java") && Files.isRegularFile(file)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the Java files of " + root, e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
