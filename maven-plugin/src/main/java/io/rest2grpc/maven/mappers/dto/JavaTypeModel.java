package io.rest2grpc.maven.mappers.dto;

import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import com.github.javaparser.resolution.declarations.ResolvedReferenceTypeDeclaration;
import com.github.javaparser.resolution.model.SymbolReference;
import io.rest2grpc.maven.mappers.dto.DtoShape.Unreadable;
import io.rest2grpc.maven.mappers.dto.JavaType.Declared;
import io.rest2grpc.maven.source.Symbols;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The application's DTO types, read from its Java sources with the symbol solver (source roots, JDK, compile
 * classpath). Open it once per run and close it when done: the solver holds the classpath jars open.
 */
public final class JavaTypeModel implements AutoCloseable {

  private final Symbols symbols;
  private final Map<ShapeKey, DtoShape> shapes = new HashMap<>();

  private record ShapeKey(Declared type, NamingStrategy naming, JacksonDefaults jackson) {}

  private JavaTypeModel(Symbols symbols) {
    this.symbols = symbols;
  }

  /**
   * @param sourceRoots the module's Java source roots; missing directories are skipped
   * @param classpath the module's compile classpath
   */
  public static JavaTypeModel open(List<Path> sourceRoots, List<Path> classpath) {
    List<Path> roots = sourceRoots.stream().map(root -> root.toAbsolutePath().normalize()).filter(Files::isDirectory).distinct().toList();
    return new JavaTypeModel(Symbols.open(roots, classpath));
  }

  /** A type written as Java source, with qualified names: {@code com.example.Page<com.example.OrderDto>}. */
  public JavaType type(String text) {
    Type parsed;
    try {
      parsed = StaticJavaParser.parseType(text);
    } catch (RuntimeException e) {
      return new JavaType.Unresolved(text, "not a Java type; write a qualified name such as com.example.OrderDto");
    }
    return type(parsed);
  }

  private JavaType type(Type parsed) {
    if (parsed.isPrimitiveType()) {
      return new JavaType.Primitive(parsed.asString());
    }
    if (parsed.isArrayType()) {
      return new JavaType.ArrayOf(type(parsed.asArrayType().getComponentType()));
    }
    if (!parsed.isClassOrInterfaceType()) {
      return new JavaType.Unresolved(parsed.asString(), "not a class, array or primitive type");
    }
    ClassOrInterfaceType reference = parsed.asClassOrInterfaceType();
    String name = reference.getNameWithScope();
    SymbolReference<ResolvedReferenceTypeDeclaration> solved = symbols.facade().getTypeSolver().tryToSolveType(name);
    if (!solved.isSolved()) {
      return new JavaType.Unresolved(name, "no such type in the source roots, the JDK or the classpath");
    }
    List<JavaType> arguments = new ArrayList<>();
    reference.getTypeArguments().ifPresent(list -> list.forEach(argument -> arguments.add(type(argument))));
    return TypeResolution.declared(solved.getCorrespondingDeclaration(), arguments);
  }

  /**
   * What the type is, as the application's Jackson sees it: its naming strategy (a class's @JsonNaming wins) and the
   * defaults of its Jackson version.
   */
  public DtoShape shape(Declared type, NamingStrategy naming, JacksonDefaults jackson) {
    return shapes.computeIfAbsent(new ShapeKey(type, naming, jackson), key -> read(type, naming, jackson));
  }

  private DtoShape read(Declared type, NamingStrategy naming, JacksonDefaults jackson) {
    SymbolReference<ResolvedReferenceTypeDeclaration> solved = symbols.facade().getTypeSolver().tryToSolveType(type.qualifiedName());
    if (!solved.isSolved()) {
      return new Unreadable(type, "it cannot be resolved against the source roots and the classpath");
    }
    ResolvedReferenceTypeDeclaration declaration = solved.getCorrespondingDeclaration();
    Optional<Node> node = declaration.toAst();
    if (node.isEmpty() || !(node.get() instanceof TypeDeclaration<?> source)) {
      return new Unreadable(type, "it is compiled, not in the source roots; typed mappers read DTOs from source");
    }
    List<String> problems = new ArrayList<>();
    if (!publiclyReachable(source)) {
      problems.add("it is not public; the mapper, in another package, cannot use it: make it public");
    }
    Map<String, JavaType> bindings = bindings(declaration, type, problems);
    try {
      if (source instanceof EnumDeclaration enumeration) {
        return EnumReader.read(type, enumeration, jackson, problems);
      }
      Optional<AnnotationExpr> typeInfo = Annotations.find(source, Annotations.JACKSON + "JsonTypeInfo");
      if (typeInfo.isPresent()) {
        return UnionReader.read(type, source, typeInfo.get(), problems);
      }
      JacksonNames names = JacksonNames.of(source, naming, jackson, problems);
      if (source instanceof RecordDeclaration record) {
        return ClassReader.record(type, record, names, bindings, problems);
      }
      if (source instanceof ClassOrInterfaceDeclaration pojo && !pojo.isInterface() && !pojo.isAbstract()) {
        return ClassReader.pojo(type, pojo, names, bindings, problems);
      }
      return new Unreadable(type, "it is an interface or abstract class without @JsonTypeInfo and @JsonSubTypes");
    } catch (RuntimeException unexpected) {
      return new Unreadable(type, "it cannot be read (" + unexpected + "); report this to rest2grpc with the class's source");
    }
  }

  private static Map<String, JavaType> bindings(ResolvedReferenceTypeDeclaration declaration, Declared type, List<String> problems) {
    Map<String, JavaType> bindings = new HashMap<>();
    var parameters = declaration.getTypeParameters();
    if (!type.arguments().isEmpty() && parameters.size() != type.arguments().size()) {
      problems.add("it takes " + parameters.size() + " type arguments, not " + type.arguments().size());
      return bindings;
    }
    for (int i = 0; i < type.arguments().size(); i++) {
      bindings.put(parameters.get(i).getName(), type.arguments().get(i));
    }
    return bindings;
  }

  private static boolean publiclyReachable(TypeDeclaration<?> type) {
    for (Node node = type; node instanceof TypeDeclaration<?> declaration; node = node.getParentNode().orElse(null)) {
      boolean interfaceMember = node.getParentNode().filter(parent -> parent instanceof ClassOrInterfaceDeclaration c && c.isInterface()).isPresent();
      if (!ClassReader.isPublic(declaration) && !interfaceMember) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void close() {
    symbols.close();
  }
}
