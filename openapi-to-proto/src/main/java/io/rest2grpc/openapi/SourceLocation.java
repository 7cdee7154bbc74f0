package io.rest2grpc.openapi;

import io.rest2grpc.transcoding.JsonPointer;

/**
 * Where something came from: the spec file (as the user named it, relative to the entry document's
 * folder for referenced files) and a JSON pointer inside it, or a line and column for syntax errors.
 */
public record SourceLocation(String file, String pointer) {

  public static SourceLocation of(String file) {
    return new SourceLocation(file, "");
  }

  public static SourceLocation at(String file, int line, int column) {
    return new SourceLocation(file, "line " + line + ", column " + column);
  }

  /** The location of a child: {@code pointer + "/" + escaped(token)}, per RFC 6901. */
  public SourceLocation child(String token) {
    return new SourceLocation(file, JsonPointer.child(pointer, token));
  }

  public SourceLocation child(int index) {
    return new SourceLocation(file, pointer + "/" + index);
  }

  @Override
  public String toString() {
    if (pointer.isEmpty()) {
      return file;
    }
    return pointer.startsWith("line ") ? file + ":" + pointer : file + "#" + pointer;
  }
}
