package io.rest2grpc.maven.eject;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.printer.DefaultPrettyPrinter;
import com.github.javaparser.printer.configuration.DefaultConfigurationOption;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration;
import com.github.javaparser.printer.configuration.DefaultPrinterConfiguration.ConfigOption;
import com.github.javaparser.printer.configuration.Indentation;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.rest2grpc.maven.calls.Call;
import io.rest2grpc.maven.controllers.model.Handler;
import io.rest2grpc.maven.generate.MethodPlan;
import io.rest2grpc.maven.generate.ServicePlan;
import io.rest2grpc.maven.generate.ServiceWriter;
import io.rest2grpc.maven.platform.SpringGrpc;
import io.rest2grpc.maven.protojava.ProtoJavaNames;
import io.rest2grpc.maven.selfcheck.SelfCheckWriter;
import io.rest2grpc.maven.selfcheck.TestContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes an ejected service: the generated service as the team's own source, in the package of the controllers it
 * replaces. Each typed RPC is answered by a handler method of the service itself, its arguments bound from the call's
 * REST form as Spring MVC bound the controller's: a handler that only delegates moves whole (argument mapping, the
 * one call of its service bean, the answer built from it); one that holds logic of its own calls its controller until
 * that logic moves to the service layer. Bridged RPCs keep calling the bridge, and a test names each of them once
 * the REST mapping the bridge needs is gone. The mappers are written beside it, in {@code <package>.grpc}.
 */
public final class EjectedServiceWriter {
  private static final Set<String> MAPPING_ANNOTATIONS = Set.of("RequestMapping", "GetMapping", "PostMapping", "PutMapping",
      "DeleteMapping", "PatchMapping", "Override");
  private static final Pattern IMPORT = Pattern.compile("^import (static )?([\\w.]+)(\\.\\*)?;$");
  private static final ClassName TEST = ClassName.get("org.junit.jupiter.api", "Test");
  private static final ClassName AUTOWIRED = ClassName.get("org.springframework.beans.factory.annotation", "Autowired");
  private static final ClassName APPLICATION_CONTEXT = ClassName.get("org.springframework.context", "ApplicationContext");
  private static final ClassName BRIDGED_ROUTES = ClassName.get("io.rest2grpc.runtime.bridge", "BridgedRoutes");

  /** A handler whose logic must move to the service layer before cutover. */
  public record ToMove(String handler, Delegation.HoldsLogic logic) {
    @Override
    public String toString() {
      return logic.position().fileName() + ":" + logic.position().line() + ": " + handler + " holds " + logic.what();
    }
  }

  /** A bridged RPC: its full name, the Java method answering it, why it is bridged. */
  public record Bridged(String rpc, String method, String reason) {}

  /**
   * What eject writes.
   *
   * @param file the service's path under the source root
   * @param source its text
   * @param notes what else to know (a handler ejected calling its controller for another reason than logic)
   */
  public record Ejected(Path file, String source, String className, List<ToMove> toMove, List<Bridged> bridged, List<String> notes) {}

  private final ServicePlan plan;
  private final String javaPackage;
  private final SpringGrpc springGrpc;
  private final HandlerSource sources = new HandlerSource();
  private final Map<String, String> fields = new LinkedHashMap<>();
  private final Map<String, FieldDeclaration> constants = new LinkedHashMap<>();
  private final List<MethodDeclaration> handlers = new ArrayList<>();
  private final List<ImportDeclaration> imports = new ArrayList<>();
  private final Set<String> qualified = new TreeSet<>();
  private final List<ToMove> toMove = new ArrayList<>();
  private final List<Bridged> bridged = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  /** @param fallbackPackage where the service goes when none of its RPCs has a handler in the module */
  public EjectedServiceWriter(ServicePlan plan, String fallbackPackage, SpringGrpc springGrpc) {
    this.plan = plan;
    this.springGrpc = springGrpc;
    this.javaPackage = plan.methods().stream().flatMap(method -> method.handler().stream()).findFirst()
        .map(handler -> packageOf(handler.controller())).orElse(fallbackPackage);
  }

  public String javaPackage() {
    return javaPackage;
  }

  /** Where the mappers go: {@code <package>.grpc}. */
  public String mapperPackage() {
    return javaPackage + ".grpc";
  }

  public Ejected write() {
    ServiceWriter poet = new ServiceWriter(javaPackage, mapperPackage(), springGrpc);
    String className = plan.className();
    TypeSpec.Builder type = TypeSpec.classBuilder(className)
        .addModifiers(javax.lang.model.element.Modifier.PUBLIC)
        .superclass(ProtoJavaNames.implBase(plan.service()))
        .addJavadoc("The gRPC service $L, ejected by {@code rest2grpc:eject}: the team's own source from now on.\n"
            + "<p>Each typed RPC is answered by a handler method below, whose arguments bind from the call's REST form\n"
            + "(the protos' HTTP rules) as Spring MVC bound the controller's; the auth hook, the error mapping and the shadow\n"
            + "marker stay with rest2grpc-runtime's {@code TypedCalls}. {@code rest2grpc:generate} no longer writes this service.\n",
            plan.service().getFullName());
    for (MethodPlan method : plan.methods()) {
      type.addMethod(method(poet, method));
    }
    type.alwaysQualify(qualified.toArray(String[]::new));
    String poetText = JavaFile.builder(javaPackage, type.build()).skipJavaLangImports(true).indent("  ").build().toString();
    String source = merge(poetText, className);
    List<Bridged> located = bridged.stream()
        .map(each -> new Bridged(each.rpc(), className + "#" + each.method() + " (" + className + ".java:"
            + line(source, "public void " + each.method() + "(") + ")", each.reason()))
        .toList();
    return new Ejected(Path.of(javaPackage.replace('.', '/'), className + ".java"), source, className, toMove, located, notes);
  }

  /** The test that fails once a bridged method's REST mapping is gone; empty when the service has no bridged method. */
  public static Optional<JavaFile> bridgedTest(Ejected ejected, String javaPackage, TestContext context) {
    if (ejected.bridged().isEmpty()) {
      return Optional.empty();
    }
    CodeBlock entries = ejected.bridged().stream().map(each -> CodeBlock.of("$T.entry($S, $S)", Map.class, each.rpc(), each.method()))
        .collect(CodeBlock.joining(",\n"));
    TypeSpec test = TypeSpec.classBuilder(ejected.className() + "BridgedMethodsTest")
        .addJavadoc("Fails once a bridged method of {@link $L} has lost the REST mapping the bridge sends it to, naming each method\n"
            + "that still needs a hand-written implementation. Written by {@code rest2grpc:eject}: remove a method from the list once\n"
            + "it is written by hand, and this test with the last one.\n", ejected.className())
        .addAnnotation(SelfCheckWriter.annotation(context))
        .addField(FieldSpec.builder(APPLICATION_CONTEXT, "context", javax.lang.model.element.Modifier.PRIVATE)
            .addAnnotation(AUTOWIRED).build())
        .addMethod(MethodSpec.methodBuilder("everyBridgedMethodStillHasItsRestMapping")
            .addAnnotation(TEST)
            .addStatement("$T.requireMapped(context, $T.ofEntries(\n$L))", BRIDGED_ROUTES, Map.class, entries)
            .build())
        .build();
    return Optional.of(JavaFile.builder(javaPackage, test).skipJavaLangImports(true).indent("  ").build());
  }

  private MethodSpec method(ServiceWriter poet, MethodPlan method) {
    String rpcMethod = ProtoJavaNames.methodName(method.rpc());
    if (!(method.call() instanceof Call.Typed) || method.handler().isEmpty()) {
      String reason = method.call() instanceof Call.Bridged bridge ? bridge.reason() : "no handler in this module's sources";
      bridged.add(new Bridged(plan.service().getFullName() + "/" + method.rpc().getName(), rpcMethod, reason));
      return poet.method(plan, method, Optional.empty(), CodeBlock.of("$L → the bridge, into the app's REST handler.\n<p>Bridged: $L."
          + "\n<p>Write it by hand before the REST mapping goes: $LBridgedMethodsTest fails once it has.\n", method.route(),
          reason.replace("\n", " "), plan.className()));
    }
    Handler handler = method.handler().get();
    MethodDeclaration declaration = sources.declaration(handler);
    String handlerName = rpcMethod + "Handler";
    MethodDeclaration moved = declaration.clone();
    moved.getAnnotations().removeIf(annotation -> MAPPING_ANNOTATIONS.contains(annotation.getName().getIdentifier()));
    moved.removeComment();
    moved.setModifiers(Modifier.Keyword.PUBLIC);
    moved.setName(handlerName);
    CompilationUnit unit = declaration.findCompilationUnit().orElseThrow();
    imports.addAll(unit.getImports());
    unit.getImports().stream().filter(each -> !each.isAsterisk() && !each.isStatic()).forEach(each -> qualified.add(each.getName().getIdentifier()));
    qualified.addAll(packageTypes(handler));
    Delegation delegation = ServiceLayer.of(declaration);
    boolean samePackage = packageOf(handler.controller()).equals(javaPackage);
    String answeredBy;
    if (delegation instanceof Delegation.ToService service && samePackage && fits(service)) {
      fields.put(service.fieldName(), fieldType(service.field(), service.fieldName()));
      service.constants().forEach(constant -> constants.put(constantName(constant), constant));
      moved.setJavadocComment("Moved from " + MethodPlan.describe(handler) + ": its arguments bind from the call's REST form as they did there.");
      answeredBy = "it calls the service layer (" + service.fieldName() + ")";
    } else {
      String controller = Character.toLowerCase(handler.controllerSimpleName().charAt(0)) + handler.controllerSimpleName().substring(1);
      fields.put(controller, samePackage ? handler.controllerSimpleName() : handler.controller());
      NodeList<Expression> arguments = moved.getParameters().stream().map(parameter -> (Expression) new NameExpr(parameter.getNameAsString()))
          .collect(NodeList.toNodeList());
      MethodCallExpr call = new MethodCallExpr(new NameExpr(controller), handler.method().name(), arguments);
      moved.setBody(new BlockStmt(new NodeList<>(declaration.getType().isVoidType() ? new ExpressionStmt(call) : new ReturnStmt(call))));
      if (delegation instanceof Delegation.HoldsLogic logic) {
        toMove.add(new ToMove(MethodPlan.describe(handler), logic));
        moved.setJavadocComment("Calls " + MethodPlan.describe(handler) + " until its logic moves to the service layer (" + logic + ").");
        answeredBy = "it calls the controller until its logic moves to the service layer";
      } else {
        String why = samePackage ? "its bean field or constants share a name with another handler's" : "its controller is in another package";
        notes.add(MethodPlan.describe(handler) + " is ejected calling its controller: " + why);
        moved.setJavadocComment("Calls " + MethodPlan.describe(handler) + ": " + why + ".");
        answeredBy = "it calls the controller";
      }
    }
    handlers.add(moved);
    CodeBlock reference = CodeBlock.of("typed.handler(this, $S, $S)", handlerName, pattern(handler, method.route()));
    return poet.method(plan, method, Optional.of(reference), CodeBlock.of("$L → {@link #$L}: $L.\n", method.route(), handlerName, answeredBy));
  }

  /** Whether the bean field and constants can join the class's without renaming: no name taken by something else. */
  private boolean fits(Delegation.ToService service) {
    String type = fieldType(service.field(), service.fieldName());
    if (fields.containsKey(service.fieldName()) && !fields.get(service.fieldName()).equals(type)) {
      return false;
    }
    return service.constants().stream().allMatch(constant -> !constants.containsKey(constantName(constant))
        || constants.get(constantName(constant)).toString().equals(constant.toString()));
  }

  /** The controller path its {@code @PathVariable}s are named in: the one the RPC's route matches, by shape. */
  private static String pattern(Handler handler, String route) {
    String path = shape(route.substring(route.indexOf(' ') + 1));
    return handler.paths().stream().filter(candidate -> shape(candidate).equals(path)).findFirst().orElse(handler.paths().get(0));
  }

  private static String shape(String path) {
    return path.replaceAll("\\{[^}]*}", "{}");
  }

  /** The fields, the constructor and the handler methods added to JavaPoet's class; the controllers' imports merged with its own. */
  private String merge(String poetText, String className) {
    DefaultPrinterConfiguration configuration = new DefaultPrinterConfiguration();
    configuration.addOption(new DefaultConfigurationOption(ConfigOption.INDENTATION, new Indentation(Indentation.IndentType.SPACES, 2)));
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter(configuration);
    StringBuilder head = new StringBuilder();
    for (FieldDeclaration constant : constants.values()) {
      FieldDeclaration copy = constant.clone();
      copy.removeComment();
      copy.setModifiers(Modifier.Keyword.PRIVATE, Modifier.Keyword.STATIC, Modifier.Keyword.FINAL);
      head.append(indent(printer.print(copy))).append("\n\n");
    }
    Map<String, String> all = new LinkedHashMap<>();
    all.put("bridge", "MvcBridge");
    all.put("typed", "TypedCalls");
    all.putAll(fields);
    all.forEach((name, type) -> head.append("  private final ").append(type).append(' ').append(name).append(";\n\n"));
    head.append("  public ").append(className).append('(')
        .append(all.entrySet().stream().map(field -> field.getValue() + " " + field.getKey()).collect(Collectors.joining(", ")))
        .append(") {\n");
    all.keySet().forEach(name -> head.append("    this.").append(name).append(" = ").append(name).append(";\n"));
    head.append("  }\n\n");
    StringBuilder tail = new StringBuilder();
    handlers.forEach(handler -> tail.append('\n').append(indent(printer.print(handler))).append('\n'));
    int open = poetText.indexOf("{\n", poetText.indexOf("public class " + className + " ")) + 2;
    int close = poetText.lastIndexOf('}');
    String body = poetText.substring(open, close);
    String declaration = poetText.substring(0, open);
    String members = head + body + tail + "}\n";
    return withImports(declaration, members);
  }

  /** The package line, every import the code uses (JavaPoet's, the controllers', the runtime's), then the class. */
  private String withImports(String declaration, String members) {
    List<String> lines = declaration.lines().toList();
    Set<String> candidates = new TreeSet<>();
    lines.stream().filter(line -> line.startsWith("import ")).forEach(candidates::add);
    imports.forEach(each -> candidates.add(("import " + (each.isStatic() ? "static " : "") + each.getNameAsString()
        + (each.isAsterisk() ? ".*" : "") + ";")));
    candidates.add("import " + ServiceWriter.BRIDGE.canonicalName() + ";");
    candidates.add("import " + ServiceWriter.TYPED.canonicalName() + ";");
    String classText = lines.stream().filter(line -> !line.startsWith("import ") && !line.startsWith("package "))
        .collect(Collectors.joining("\n")).strip() + "\n" + members;
    List<String> used = candidates.stream().filter(line -> isUsed(line, classText)).toList();
    StringBuilder text = new StringBuilder("package ").append(javaPackage).append(";\n\n");
    List<String> statics = used.stream().filter(line -> line.startsWith("import static ")).toList();
    List<String> plain = used.stream().filter(line -> !line.startsWith("import static ")).toList();
    statics.forEach(line -> text.append(line).append('\n'));
    if (!statics.isEmpty()) {
      text.append('\n');
    }
    plain.forEach(line -> text.append(line).append('\n'));
    return text.append('\n').append(classText).toString();
  }

  private boolean isUsed(String importLine, String classText) {
    var matcher = IMPORT.matcher(importLine);
    if (!matcher.matches() || matcher.group(3) != null) {
      return true;
    }
    String name = matcher.group(2);
    if (matcher.group(1) == null && name.substring(0, name.lastIndexOf('.')).equals(javaPackage)) {
      return false;
    }
    String simple = name.substring(name.lastIndexOf('.') + 1);
    return Pattern.compile("(?<![\\w.])" + Pattern.quote(simple) + "\\b").matcher(classText).find();
  }

  /** The simple names of the types beside the controller, which a moved body may use unqualified. */
  private static Set<String> packageTypes(Handler handler) {
    Path folder = handler.position().file().getParent();
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".java"))
          .map(name -> name.substring(0, name.length() - ".java".length())).collect(Collectors.toCollection(TreeSet::new));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder, e);
    }
  }

  private static String fieldType(FieldDeclaration field, String name) {
    return field.getVariables().stream().filter(variable -> variable.getNameAsString().equals(name)).findFirst().orElseThrow()
        .getTypeAsString();
  }

  private static String constantName(FieldDeclaration constant) {
    return constant.getVariable(0).getNameAsString();
  }

  private static String packageOf(String qualifiedName) {
    int dot = qualifiedName.lastIndexOf('.');
    return dot < 0 ? "" : qualifiedName.substring(0, dot);
  }

  private static String indent(String text) {
    return text.strip().lines().map(line -> line.isEmpty() ? line : "  " + line).collect(Collectors.joining("\n"));
  }

  private static int line(String text, String marker) {
    int at = text.indexOf(marker);
    return at < 0 ? 0 : (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }
}
