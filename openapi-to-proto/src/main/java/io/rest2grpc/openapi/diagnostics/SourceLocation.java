package io.rest2grpc.openapi.diagnostics;

import io.rest2grpc.transcoding.JsonPointer;

/**
 * Where something came from: the spec file (as the user named it, relative to the entry document's
 * folder for referenced files), an RFC 6901 JSON pointer inside it, and the line and column it is
 * written at when known.
 *
 * <p>The pointer is kept as its escaped text, the form every caller keys on and prints; {@link
 * #jsonPointer()} parses it. Line and column are 0 until known: a syntax error has them from the
 * parser, and the places of reported errors are looked up once, when the conversion fails (see
 * {@code DocumentLoader#withPositions}), so building a location costs no lookup.
 *
 * @param pointer {@code ""} for the whole file, else starting with '/'
 * @param line 1-based, 0 when unknown
 * @param column 1-based, 0 when unknown
 */
public record SourceLocation(String file, String pointer, int line, int column) {

  public SourceLocation {
    if (!pointer.isEmpty() && pointer.charAt(0) != '/') {
      throw new IllegalArgumentException("\"" + pointer + "\" is not a JSON pointer: it must be empty or start with '/'");
    }
  }

  public SourceLocation(String file, String pointer) {
    this(file, pointer, 0, 0);
  }

  public static SourceLocation of(String file) {
    return new SourceLocation(file, "");
  }

  /** A place known only by line and column, such as a syntax error. */
  public static SourceLocation at(String file, int line, int column) {
    return new SourceLocation(file, "", line, column);
  }

  /** The location of a child: {@code pointer + "/" + escaped(token)}, per RFC 6901. */
  public SourceLocation child(String token) {
    return new SourceLocation(file, JsonPointer.child(pointer, token));
  }

  public SourceLocation child(int index) {
    return new SourceLocation(file, pointer + "/" + index);
  }

  public JsonPointer jsonPointer() {
    return JsonPointer.parse(pointer);
  }

  public boolean hasPosition() {
    return line > 0;
  }

  public SourceLocation withPosition(int line, int column) {
    return new SourceLocation(file, pointer, line, column);
  }

  /** {@code file#pointer (line L, column C)}: for messages a user acts on. */
  public String describe() {
    return hasPosition() ? this + " (line " + line + ", column " + column + ")" : toString();
  }

  /** {@code file#pointer}, or {@code file} for the whole file: the key the report and the lock use. */
  @Override
  public String toString() {
    return pointer.isEmpty() ? file : file + "#" + pointer;
  }
}
