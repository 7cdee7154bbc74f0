package io.rest2grpc.openapi.diagnostics;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The problems with the input that stop the conversion, each saying where, what, and what to do.
 * The converter goes on past a problem to find the others ({@link Problems}), so one run reports
 * every error of a spec; the exception holds them all, in the order found.
 */
public final class ConversionException extends RuntimeException {
  /** One problem: where it is, what is wrong, and what to do ({@code hint}, may be null). */
  public record Problem(SourceLocation location, String message, String hint) {
    /** {@code file#pointer (line L, column C): message}, then the hint on a line of its own. */
    public String describe() {
      return location.describe() + ": " + message + (hint == null || hint.isEmpty() ? "" : "\n  hint: " + hint);
    }
  }

  private final List<Problem> problems;

  public ConversionException(SourceLocation location, String message, String hint) {
    this(location, message, hint, null);
  }

  /** @param cause the failure behind the problem (a parser's or the file system's), kept for the stack trace */
  public ConversionException(SourceLocation location, String message, String hint, Throwable cause) {
    this(List.of(new Problem(location, message, hint)), cause);
  }

  private ConversionException(List<Problem> problems, Throwable cause) {
    super(summary(problems), cause);
    this.problems = List.copyOf(problems);
  }

  /** All the problems of {@code found} (at least one), as one exception; the first one's cause is kept. */
  public static ConversionException of(List<ConversionException> found) {
    if (found.size() == 1) {
      return found.get(0);
    }
    ConversionException all = new ConversionException(found.stream().flatMap(e -> e.problems.stream()).toList(), found.get(0).getCause());
    found.forEach(all::addSuppressed);
    return all;
  }

  /** The same problems, with each location replaced by {@code locate} (which may add line and column). */
  public ConversionException located(UnaryOperator<List<SourceLocation>> locate) {
    List<SourceLocation> where = locate.apply(problems.stream().map(Problem::location).toList());
    List<Problem> located = new java.util.ArrayList<>();
    for (int i = 0; i < problems.size(); i++) {
      located.add(new Problem(where.get(i), problems.get(i).message(), problems.get(i).hint()));
    }
    ConversionException copy = new ConversionException(located, getCause());
    copy.setStackTrace(getStackTrace());
    for (Throwable suppressed : getSuppressed()) {
      copy.addSuppressed(suppressed);
    }
    return copy;
  }

  public List<Problem> problems() {
    return problems;
  }

  /** The first problem's location. */
  public SourceLocation location() {
    return problems.get(0).location();
  }

  /** The first problem's hint. */
  public String hint() {
    return problems.get(0).hint();
  }

  /** Every problem, each as {@link Problem#describe()}, one after the other. */
  public String describe() {
    return String.join("\n", problems.stream().map(Problem::describe).toList());
  }

  private static String summary(List<Problem> problems) {
    return problems.size() == 1 ? problems.get(0).message()
        : problems.size() + " problems, the first at " + problems.get(0).location() + ": " + problems.get(0).message();
  }
}
