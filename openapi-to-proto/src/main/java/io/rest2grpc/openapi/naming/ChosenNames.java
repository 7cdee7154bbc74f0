package io.rest2grpc.openapi.naming;

import io.rest2grpc.openapi.diagnostics.ConversionException;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import java.util.Map;
import java.util.Set;

/**
 * Names a team chooses before the lock freezes them: {@code x-grpc-name} on an operation (its RPC), a
 * schema (its message or enum) or a property (its field), set in the spec, an overlay, or by the
 * {@code renames} of a {@code --config} file. A chosen name is used as given or the conversion fails:
 * it is never suffixed to make it unique.
 */
public final class ChosenNames {
  private ChosenNames() {}

  public static final String EXTENSION = "x-grpc-name";

  /** What a name names, with the form buf lint requires of it. */
  public enum Kind {
    RPC("[A-Z][A-Za-z0-9]*", "an RPC name", "PascalCase, e.g. ListAllOrders"),
    TYPE("[A-Z][A-Za-z0-9]*", "a message or enum name", "PascalCase, e.g. OrderLine"),
    FIELD("[a-z][a-z0-9_]*", "a field name", "lower_snake_case, e.g. order_id");

    private final String pattern;
    private final String what;
    private final String form;

    Kind(String pattern, String what, String form) {
      this.pattern = pattern;
      this.what = what;
      this.form = form;
    }
  }

  /** The {@code x-grpc-name} among {@code extensions} (null when there is none), checked against {@code kind}. */
  public static String of(Map<String, Object> extensions, Kind kind, SourceLocation at) {
    Object name = extensions == null ? null : extensions.get(EXTENSION);
    if (name == null) {
      return null;
    }
    if (!(name instanceof String text) || !text.matches(kind.pattern) || text.contains("__")) {
      throw new ConversionException(at.child(EXTENSION), EXTENSION + " '" + name + "' is not " + kind.what,
          "write " + kind.what + " in " + kind.form);
    }
    return text;
  }

  /** The error of a chosen name someone else has: {@code holder} says who. */
  public static ConversionException taken(SourceLocation at, String name, String holder) {
    return new ConversionException(at.child(EXTENSION), EXTENSION + " '" + name + "' is taken by " + holder,
        "choose another name here, or give the other one an x-grpc-name (or a config rename) of its own");
  }

  /** The report's rule for a chosen name: a config rename when the config set it, else x-grpc-name. */
  public static String rule(Set<String> configRenamed, SourceLocation at) {
    return configRenamed.contains(at.pointer()) ? "config rename" : EXTENSION;
  }
}
