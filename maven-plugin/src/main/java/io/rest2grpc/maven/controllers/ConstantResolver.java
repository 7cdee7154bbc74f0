package io.rest2grpc.maven.controllers;

import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.resolution.declarations.ResolvedFieldDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedTypeDeclaration;
import com.github.javaparser.resolution.declarations.ResolvedValueDeclaration;
import com.github.javaparser.resolution.model.SymbolReference;
import com.github.javaparser.symbolsolver.javaparsermodel.JavaParserFacade;
import com.github.javaparser.symbolsolver.javaparsermodel.declarations.JavaParserFieldDeclaration;
import io.rest2grpc.maven.source.BinaryConstants;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Evaluates annotation attribute values as javac would: literals, {@code +} concatenation, and constants
 * declared in the source roots (through their initializers) or in compiled classes (through
 * {@link BinaryConstants}), wherever the symbol solver finds them.
 */
final class ConstantResolver {

  private final JavaParserFacade facade;
  private final BinaryConstants binaryConstants;
  private final AnnotationNames names;

  ConstantResolver(JavaParserFacade facade, BinaryConstants binaryConstants, AnnotationNames names) {
    this.facade = facade;
    this.binaryConstants = binaryConstants;
    this.names = names;
  }

  /** One string or an array of them ({@code "a"}, {@code {A, B + "/x"}}). */
  List<String> strings(Expression expression) {
    return elements(expression).stream().map(this::string).toList();
  }

  String string(Expression expression) {
    return String.valueOf(value(expression, new HashSet<>()));
  }

  boolean bool(Expression expression) {
    Object value = value(expression, new HashSet<>());
    // class files keep boolean constants as ints
    return value instanceof Boolean flag ? flag : value instanceof Integer number && number != 0;
  }

  /** Enum constants by name ({@code RequestMethod.GET}, or {@code GET} statically imported). */
  List<String> enumNames(Expression expression) {
    return elements(expression).stream().map(element -> {
      if (element instanceof NameExpr name) {
        return name.getNameAsString();
      }
      if (element instanceof FieldAccessExpr access) {
        return access.getNameAsString();
      }
      throw unreadable(element, "an enum constant is expected here");
    }).toList();
  }

  /** Qualified names of class literals ({@code {ApiException.class, IOException.class}}). */
  List<String> types(Expression expression) {
    return elements(expression).stream().map(element -> {
      if (element instanceof ClassExpr literal) {
        return names.qualifiedType(literal);
      }
      throw unreadable(element, "a class literal is expected here");
    }).toList();
  }

  private static List<Expression> elements(Expression expression) {
    return expression instanceof ArrayInitializerExpr array ? array.getValues() : List.of(expression);
  }

  private Object value(Expression expression, Set<VariableDeclarator> evaluating) {
    if (expression instanceof StringLiteralExpr literal) {
      return literal.asString();
    } else if (expression instanceof TextBlockLiteralExpr block) {
      return block.asString();
    } else if (expression instanceof CharLiteralExpr character) {
      return character.asChar();
    } else if (expression instanceof BooleanLiteralExpr flag) {
      return flag.getValue();
    } else if (expression instanceof IntegerLiteralExpr number) {
      return number.asNumber();
    } else if (expression instanceof LongLiteralExpr number) {
      return number.asNumber();
    } else if (expression instanceof DoubleLiteralExpr number) {
      return number.asDouble();
    } else if (expression instanceof EnclosedExpr enclosed) {
      return value(enclosed.getInner(), evaluating);
    } else if (expression instanceof CastExpr cast) {
      return value(cast.getExpression(), evaluating);
    } else if (expression instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
      return plus(binary, evaluating);
    } else if (expression instanceof NameExpr || expression instanceof FieldAccessExpr) {
      return constant(expression, evaluating);
    }
    throw unreadable(expression, "only literals, static final constants and + between them can be evaluated");
  }

  private Object plus(BinaryExpr binary, Set<VariableDeclarator> evaluating) {
    Object left = value(binary.getLeft(), evaluating);
    Object right = value(binary.getRight(), evaluating);
    if (left instanceof String || right instanceof String) {
      return String.valueOf(left) + right;
    }
    if (left instanceof Integer a && right instanceof Integer b) {
      return a + b;
    }
    if (left instanceof Number a && right instanceof Number b) {
      return a.longValue() + b.longValue();
    }
    throw unreadable(binary, "only strings and whole numbers can be added");
  }

  private Object constant(Expression reference, Set<VariableDeclarator> evaluating) {
    ResolvedValueDeclaration declaration = solve(reference);
    if (declaration.isEnumConstant()) {
      return declaration.getName();
    }
    if (!declaration.isField()) {
      throw unreadable(reference, "`" + reference + "` is not a constant");
    }
    ResolvedFieldDeclaration field = declaration.asField();
    if (field instanceof JavaParserFieldDeclaration source) {
      VariableDeclarator variable = source.getVariableDeclarator();
      Expression initializer = variable.getInitializer()
          .orElseThrow(() -> unreadable(reference, "`" + reference + "` has no initializer"));
      if (!evaluating.add(variable)) {
        throw unreadable(reference, "`" + reference + "` refers to itself");
      }
      try {
        return value(initializer, evaluating);
      } finally {
        evaluating.remove(variable);
      }
    }
    ResolvedTypeDeclaration owner = field.declaringType();
    return binaryConstants.value(binaryName(owner), field.getName()).orElseThrow(() -> unreadable(reference,
        owner.getQualifiedName() + "." + field.getName() + " is not a compile-time constant of the classpath"));
  }

  private ResolvedValueDeclaration solve(Expression reference) {
    try {
      SymbolReference<? extends ResolvedValueDeclaration> solved = reference instanceof NameExpr name
          ? facade.solve(name) : facade.solve((FieldAccessExpr) reference);
      if (solved.isSolved()) {
        return solved.getCorrespondingDeclaration();
      }
    } catch (RuntimeException unresolvable) {
      // reported below, with what the user can do about it
    }
    throw unreadable(reference, "`" + reference + "` cannot be resolved from the source roots or the compile classpath");
  }

  private static String binaryName(ResolvedTypeDeclaration type) {
    String nested = type.getClassName().replace('.', '$');
    return type.getPackageName().isEmpty() ? nested : type.getPackageName() + "." + nested;
  }

  private static UnreadableSource unreadable(Expression expression, String problem) {
    return new UnreadableSource(Problems.at(expression, "Annotation value `" + expression + "`", problem,
        "write a string literal or a static final constant declared in this module or a compile-classpath jar"));
  }
}
