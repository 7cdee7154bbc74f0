package io.rest2grpc.maven.controllers;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import io.rest2grpc.maven.controllers.TypeReader.Role;
import io.rest2grpc.maven.controllers.model.Advice;
import io.rest2grpc.maven.controllers.model.Bypassed;
import io.rest2grpc.maven.controllers.model.Controller;
import io.rest2grpc.maven.controllers.model.Controllers;
import io.rest2grpc.maven.controllers.model.Problem;
import io.rest2grpc.maven.controllers.model.ServletPaths;
import io.rest2grpc.maven.source.SourceFile;
import io.rest2grpc.maven.source.Symbols;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the controllers of a Spring MVC application from its Java sources, resolving types, constants and
 * composed annotations against the source roots, the JDK and the compile classpath.
 *
 * <p>Reading never stops at the first problem: whatever cannot be read or is not supported (WebFlux,
 * Kotlin, Spring Boot 2, unresolvable constants or placeholders) is listed in {@link Controllers#problems()}
 * and the rest is read.
 */
public final class ControllerReader {

  private ControllerReader() {}

  /**
   * @param sourceRoots the module's Java source roots; missing directories are skipped
   * @param classpath the module's compile classpath: jars, and class directories of reactor modules
   * @param properties the application's flattened application.properties / application.yml, for {@code ${…}}
   *     placeholders and the servlet paths
   */
  public static Controllers read(List<Path> sourceRoots, List<Path> classpath, Map<String, String> properties) {
    List<Path> roots = sourceRoots.stream()
        .map(root -> root.toAbsolutePath().normalize())
        .filter(Files::isDirectory)
        .distinct()
        .toList();
    List<Problem> problems = new ArrayList<>(UnsupportedSources.kotlinControllers(roots));
    PlaceholderResolver placeholders = new PlaceholderResolver(properties);
    List<Controller> controllers = new ArrayList<>();
    List<Advice> advices = new ArrayList<>();
    List<Bypassed> bypassed = new ArrayList<>();
    List<String> applications = new ArrayList<>();
    try (Symbols symbols = Symbols.open(roots, classpath)) {
      Symbols.Parsed parsed = symbols.parseAll();
      parsed.unparsable().forEach(file -> problems.add(new Problem(file.position(), "Java source at " + file.position()
          + ": cannot be parsed: " + file.reason() + "; fix the syntax (rest2grpc parses Java 17)")));
      List<SourceFile> files = parsed.files();
      TypeReader types = typeReader(symbols, placeholders, problems);
      for (SourceFile file : files) {
        read(file, types, controllers, advices, bypassed, applications, problems);
      }
    }
    controllers.sort(Comparator.comparing(Controller::position));
    advices.sort(Comparator.comparing(Advice::position));
    bypassed.sort(Comparator.comparing(Bypassed::position));
    return new Controllers(servletPaths(properties, placeholders), controllers, advices, bypassed, applications,
        problems.stream().distinct().sorted().toList());
  }

  private static void read(SourceFile file, TypeReader types, List<Controller> controllers, List<Advice> advices,
      List<Bypassed> bypassed, List<String> applications, List<Problem> problems) {
    UnsupportedSources.functionalEndpoints(file).ifPresent(problems::add);
    Optional<Problem> bootTwo = UnsupportedSources.bootTwo(file);
    if (bootTwo.isPresent()) {
      problems.add(bootTwo.get());
      return;
    }
    Optional<Problem> webFlux = UnsupportedSources.webFlux(file);
    for (ClassOrInterfaceDeclaration type : file.unit().findAll(ClassOrInterfaceDeclaration.class)) {
      try {
        Role role = types.role(type);
        bypassed.addAll(types.bypassed(type, role));
        if (types.isApplication(type)) {
          type.getFullyQualifiedName().ifPresent(applications::add);
        }
        if (role == Role.ADVICE) {
          advices.add(types.advice(type));
        } else if (role != Role.NONE && webFlux.isPresent()) {
          problems.add(webFlux.get());
        } else if (role != Role.NONE) {
          types.controller(type, role).ifPresent(controllers::add);
        }
      } catch (RuntimeException unexpected) {
        // one class the symbol solver chokes on must not cost the user the rest of the application
        problems.add(Problems.at(type.getName(), "Class " + type.getNameAsString(),
            "cannot be read: " + unexpected, "report this to rest2grpc with the class's source; the other classes were read"));
      }
    }
  }

  private static TypeReader typeReader(Symbols symbols, PlaceholderResolver placeholders, List<Problem> problems) {
    JavaParserFacade facade = symbols.facade();
    AnnotationNames names = new AnnotationNames(facade);
    MetaAnnotations annotations = new MetaAnnotations(names);
    ConstantResolver constants = new ConstantResolver(facade, symbols.binaryConstants(), names);
    JavaTypes javaTypes = new JavaTypes(facade, problems);
    MappingAnnotations mappings = new MappingAnnotations(annotations, constants, placeholders, problems);
    ArgumentReader arguments = new ArgumentReader(annotations, constants, placeholders, javaTypes, problems);
    HandlerReader handlers = new HandlerReader(mappings, annotations, arguments, javaTypes, problems);
    AdviceMethods adviceMethods = new AdviceMethods(annotations, constants, javaTypes, problems);
    return new TypeReader(facade, annotations, mappings, handlers, adviceMethods, javaTypes, problems);
  }

  /** Spring Boot binds both the kebab-case and the camelCase spelling of a property. */
  private static ServletPaths servletPaths(Map<String, String> properties, PlaceholderResolver placeholders) {
    String contextPath = property(properties, "server.servlet.context-path", "server.servlet.contextPath")
        .map(value -> placeholders.resolve(value).value())
        .orElse(ServletPaths.DEFAULT.contextPath());
    String servletPath = property(properties, "spring.mvc.servlet.path")
        .map(value -> placeholders.resolve(value).value())
        .orElse(ServletPaths.DEFAULT.servletPath());
    return new ServletPaths(contextPath, servletPath);
  }

  private static Optional<String> property(Map<String, String> properties, String... spellings) {
    for (String spelling : spellings) {
      if (properties.containsKey(spelling)) {
        return Optional.of(properties.get(spelling));
      }
    }
    return Optional.empty();
  }
}
