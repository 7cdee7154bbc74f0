package io.rest2grpc.maven.eject;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import io.rest2grpc.maven.controllers.Positions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a controller's handler method to tell whether it only delegates — argument mapping, one call of a bean the
 * controller is given, and the answer built from what it returns — or holds logic of its own, which must move to the
 * service layer before REST is retired. The rule is strict on purpose: whatever it cannot prove to be delegation
 * (a branch, a loop, a second call, the controller's own state or methods) counts as logic, and such a handler is
 * ejected calling its controller, which is always correct.
 */
public final class ServiceLayer {

  private ServiceLayer() {}

  public static Delegation of(MethodDeclaration handler) {
    Optional<BlockStmt> body = handler.getBody();
    ClassOrInterfaceDeclaration controller = handler.findAncestor(ClassOrInterfaceDeclaration.class).orElseThrow();
    if (body.isEmpty()) {
      return logic("it has no body (declared in an interface or abstract)", handler.getName());
    }
    for (Statement statement : body.get().getStatements()) {
      if (!(statement instanceof ReturnStmt) && !(statement instanceof ExpressionStmt)) {
        String keyword = statementName(statement);
        return logic(("aeiou".indexOf(keyword.charAt(0)) >= 0 ? "an " : "a ") + keyword + " statement", statement);
      }
      if (statement instanceof ExpressionStmt expression && !(expression.getExpression() instanceof VariableDeclarationExpr)
          && !(expression.getExpression() instanceof MethodCallExpr)) {
        return logic("a statement that is neither a declaration nor a call: " + expression.getExpression(), statement);
      }
    }
    Set<String> locals = locals(handler);
    Map<String, FieldDeclaration> fields = fields(controller);
    Optional<Delegation.HoldsLogic> logic = expressionLogic(body.get());
    if (logic.isPresent()) {
      return logic.get();
    }
    List<MethodCallExpr> beanCalls = new ArrayList<>();
    Map<String, FieldDeclaration> constants = new LinkedHashMap<>();
    for (MethodCallExpr call : body.get().findAll(MethodCallExpr.class)) {
      Optional<Expression> scope = call.getScope();
      if (scope.isEmpty()) {
        if (!staticallyImported(controller, call.getNameAsString())) {
          return logic("a call of the controller's own method " + call.getNameAsString() + "(…)", call);
        }
      } else if (scope.get() instanceof ThisExpr) {
        return logic("a call of the controller's own method " + call.getNameAsString() + "(…)", call);
      } else {
        Optional<String> field = fieldName(scope.get(), locals, fields);
        if (field.isPresent()) {
          FieldDeclaration declaration = fields.get(field.get());
          if (declaration.isStatic() || !isInjected(declaration, field.get())) {
            return logic("a call on the controller's own " + (declaration.isStatic() ? "static field " : "state ") + field.get(), call);
          }
          beanCalls.add(call);
        }
      }
    }
    for (Expression read : Stream.concat(body.get().findAll(NameExpr.class).stream(), body.get().findAll(FieldAccessExpr.class).stream())
        .toList()) {
      Optional<String> field = fieldName(read, locals, fields);
      if (field.isEmpty() || isScopeOfAny(read, beanCalls)) {
        continue;
      }
      FieldDeclaration declaration = fields.get(field.get());
      if (declaration.isStatic() && declaration.isFinal() && initializer(declaration, field.get()).isPresent()) {
        constants.put(field.get(), declaration);
      } else {
        return logic("a use of the controller's field " + field.get() + " other than one call", read);
      }
    }
    if (beanCalls.isEmpty()) {
      return logic("no call of a bean the controller is given (its service layer)", handler.getName());
    }
    if (beanCalls.size() > 1) {
      return logic("a second call of a bean: " + beanCalls.get(1), beanCalls.get(1));
    }
    String name = fieldName(beanCalls.get(0).getScope().orElseThrow(), locals, fields).orElseThrow();
    return new Delegation.ToService(fields.get(name), name, List.copyOf(constants.values()));
  }

  /** Branches, loops, assignments and the like inside the statements' expressions. */
  private static Optional<Delegation.HoldsLogic> expressionLogic(BlockStmt body) {
    for (Node node : body.findAll(Node.class)) {
      if (node instanceof ConditionalExpr) {
        return Optional.of(logic("a conditional expression (?:)", node));
      }
      if (node instanceof SwitchExpr) {
        return Optional.of(logic("a switch expression", node));
      }
      if (node instanceof AssignExpr) {
        return Optional.of(logic("an assignment", node));
      }
      if (node instanceof UnaryExpr unary && (unary.isPrefix() || unary.isPostfix())) {
        return Optional.of(logic("an increment or decrement", node));
      }
      if (node instanceof LambdaExpr lambda && lambda.getBody() instanceof BlockStmt) {
        return Optional.of(logic("a lambda with statements", node));
      }
      if (node instanceof ObjectCreationExpr creation && creation.getAnonymousClassBody().isPresent()) {
        return Optional.of(logic("an anonymous class", node));
      }
    }
    return Optional.empty();
  }

  /** The controller field {@code expression} names ({@code orders} or {@code this.orders}), unless a local shadows it. */
  private static Optional<String> fieldName(Expression expression, Set<String> locals, Map<String, FieldDeclaration> fields) {
    String name;
    if (expression instanceof NameExpr nameExpr) {
      name = nameExpr.getNameAsString();
      if (locals.contains(name)) {
        return Optional.empty();
      }
    } else if (expression instanceof FieldAccessExpr access && access.getScope() instanceof ThisExpr) {
      name = access.getNameAsString();
    } else {
      return Optional.empty();
    }
    return fields.containsKey(name) ? Optional.of(name) : Optional.empty();
  }

  private static boolean isScopeOfAny(Expression expression, List<MethodCallExpr> calls) {
    return calls.stream().anyMatch(call -> call.getScope().filter(scope -> scope == expression).isPresent());
  }

  /** A field the controller is given: assigned by its constructor (no initializer) or injected by annotation. */
  private static boolean isInjected(FieldDeclaration field, String name) {
    return initializer(field, name).isEmpty();
  }

  private static Optional<Expression> initializer(FieldDeclaration field, String name) {
    return field.getVariables().stream().filter(variable -> variable.getNameAsString().equals(name)).findFirst()
        .flatMap(VariableDeclarator::getInitializer);
  }

  private static Map<String, FieldDeclaration> fields(ClassOrInterfaceDeclaration controller) {
    Map<String, FieldDeclaration> fields = new LinkedHashMap<>();
    for (FieldDeclaration field : controller.getFields()) {
      field.getVariables().forEach(variable -> fields.put(variable.getNameAsString(), field));
    }
    return fields;
  }

  /** The handler's parameters and every variable its body declares (lambda parameters included). */
  private static Set<String> locals(MethodDeclaration handler) {
    Stream<String> parameters = handler.findAll(Parameter.class).stream().map(Parameter::getNameAsString);
    Stream<String> variables = handler.findAll(VariableDeclarator.class).stream().map(VariableDeclarator::getNameAsString);
    return Stream.concat(parameters, variables).collect(Collectors.toSet());
  }

  private static boolean staticallyImported(ClassOrInterfaceDeclaration controller, String method) {
    List<ImportDeclaration> imports = controller.findCompilationUnit().map(CompilationUnit::getImports).orElseThrow();
    return imports.stream().anyMatch(declaration -> declaration.isStatic()
        && (declaration.isAsterisk() || declaration.getName().getIdentifier().equals(method)));
  }

  /** {@code if}, {@code for}, {@code try}: the keyword the statement starts with. */
  private static String statementName(Statement statement) {
    String keyword = statement.toString().split("[^A-Za-z]", 2)[0];
    return keyword.isEmpty() ? "nested block" : keyword;
  }

  private static Delegation.HoldsLogic logic(String what, Node where) {
    return new Delegation.HoldsLogic(what, Positions.of(where));
  }
}
