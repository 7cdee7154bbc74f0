package io.rest2grpc.maven.mappers.dto;

import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import io.rest2grpc.maven.mappers.dto.DtoShape.DtoEnum;
import io.rest2grpc.maven.mappers.dto.DtoShape.EnumConstant;
import io.rest2grpc.maven.mappers.dto.JavaType.Declared;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an enum and the value Jackson writes for each constant: {@code @JsonProperty} on the constant, else the
 * {@code @JsonValue} method or field, evaluated where it returns a field that the constructor sets from a
 * literal argument ({@code PENDING("pending")}), else, where the app's Jackson writes enums with {@code toString()}
 * ({@code WRITE_ENUMS_USING_TO_STRING}, Jackson 3's default), an overridden {@code toString()}, evaluated the same
 * way, else the constant's name.
 */
final class EnumReader {

  private EnumReader() {}

  static DtoEnum read(Declared type, EnumDeclaration declaration, JacksonDefaults jackson, List<String> problems) {
    Optional<String> valueField = jsonValueField(declaration, problems);
    String source = "@JsonValue";
    if (valueField.isEmpty() && jackson.enumsAsToString() && !hasJsonValue(declaration)) {
      valueField = toStringField(declaration, problems);
      source = "toString()";
    }
    Optional<Integer> argument = valueField.flatMap(field -> constructorArgument(declaration, field));
    if (valueField.isPresent() && argument.isEmpty()) {
      problems.add("its " + source + " field '" + valueField.get() + "' is not set from a constructor argument;"
          + " set it from a literal argument of each constant");
    }
    List<EnumConstant> constants = new ArrayList<>();
    for (EnumConstantDeclaration constant : declaration.getEntries()) {
      Optional<String> property = Annotations.find(constant, Annotations.JACKSON + "JsonProperty")
          .flatMap(annotation -> Annotations.string(annotation, "value"));
      String wire = property.orElse(constant.getNameAsString());
      if (property.isEmpty() && argument.isPresent()) {
        Optional<String> literal = literal(constant, argument.get());
        if (literal.isEmpty()) {
          problems.add("the " + source + " of constant " + constant.getNameAsString() + " is not a literal; write a literal");
        }
        wire = literal.orElse(wire);
      }
      constants.add(new EnumConstant(constant.getNameAsString(), wire));
    }
    return new DtoEnum(type, constants, problems);
  }

  private static boolean hasJsonValue(EnumDeclaration declaration) {
    return declaration.getFields().stream().anyMatch(field -> Annotations.has(field, Annotations.JACKSON + "JsonValue"))
        || declaration.getMethods().stream().anyMatch(method -> Annotations.has(method, Annotations.JACKSON + "JsonValue"));
  }

  /**
   * With {@code WRITE_ENUMS_USING_TO_STRING} Jackson writes and reads an enum through its {@code toString()}: where the
   * enum overrides it, the field it returns, as for {@code @JsonValue}; a constant overriding it in a body of its own
   * cannot be followed.
   */
  private static Optional<String> toStringField(EnumDeclaration declaration, List<String> problems) {
    for (EnumConstantDeclaration constant : declaration.getEntries()) {
      if (constant.getClassBody().stream().anyMatch(EnumReader::isToString)) {
        problems.add("its constant " + constant.getNameAsString() + " overrides toString(), which the app's Jackson writes"
            + " (WRITE_ENUMS_USING_TO_STRING, on in Jackson 3); put the value in a field the constructor sets and annotate its"
            + " getter with @JsonValue");
      }
    }
    for (MethodDeclaration method : declaration.getMethods()) {
      if (isToString(method)) {
        Optional<String> field = returnedField(method);
        if (field.isEmpty()) {
          problems.add("its toString(), which the app's Jackson writes (WRITE_ENUMS_USING_TO_STRING, on in Jackson 3), does"
              + " not just return a field; return a field set from each constant's literal argument, or annotate such a getter"
              + " with @JsonValue");
        }
        return field;
      }
    }
    return Optional.empty();
  }

  private static boolean isToString(BodyDeclaration<?> member) {
    return member instanceof MethodDeclaration method && method.getNameAsString().equals("toString")
        && method.getParameters().isEmpty() && !method.isStatic();
  }

  private static Optional<String> returnedField(MethodDeclaration method) {
    return method.getBody()
        .filter(body -> body.getStatements().size() == 1 && body.getStatement(0).isReturnStmt())
        .flatMap(body -> ((ReturnStmt) body.getStatement(0)).getExpression())
        .flatMap(EnumReader::fieldName);
  }

  private static Optional<String> jsonValueField(EnumDeclaration declaration, List<String> problems) {
    for (FieldDeclaration field : declaration.getFields()) {
      if (Annotations.has(field, Annotations.JACKSON + "JsonValue")) {
        return Optional.of(field.getVariable(0).getNameAsString());
      }
    }
    for (MethodDeclaration method : declaration.getMethods()) {
      if (Annotations.has(method, Annotations.JACKSON + "JsonValue")) {
        Optional<String> field = returnedField(method);
        if (field.isEmpty()) {
          problems.add("its @JsonValue method " + method.getNameAsString() + "() does not just return a field;"
              + " return a field set from each constant's literal argument");
        }
        return field;
      }
    }
    return Optional.empty();
  }

  private static Optional<Integer> constructorArgument(EnumDeclaration declaration, String field) {
    for (ConstructorDeclaration constructor : declaration.getConstructors()) {
      for (AssignExpr assignment : constructor.getBody().findAll(AssignExpr.class)) {
        if (fieldName(assignment.getTarget()).filter(field::equals).isPresent() && assignment.getValue().isNameExpr()) {
          String parameter = assignment.getValue().asNameExpr().getNameAsString();
          for (int i = 0; i < constructor.getParameters().size(); i++) {
            if (constructor.getParameter(i).getNameAsString().equals(parameter)) {
              return Optional.of(i);
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> literal(EnumConstantDeclaration constant, int argument) {
    if (argument >= constant.getArguments().size()) {
      return Optional.empty();
    }
    Expression value = constant.getArgument(argument);
    if (value instanceof StringLiteralExpr string) {
      return Optional.of(string.asString());
    }
    if (value instanceof IntegerLiteralExpr || value instanceof LongLiteralExpr) {
      return Optional.of(value.toString().replace("L", "").replace("l", "").replace("_", ""));
    }
    return Optional.empty();
  }

  private static Optional<String> fieldName(Expression expression) {
    if (expression instanceof NameExpr name) {
      return Optional.of(name.getNameAsString());
    }
    if (expression instanceof FieldAccessExpr access && access.getScope().isThisExpr()) {
      return Optional.of(access.getNameAsString());
    }
    return Optional.empty();
  }
}
