package io.rest2grpc.maven.source;

import java.nio.file.Path;

/** A line in a source file; for a method, the line of its name. Prints as {@code file:line}. */
public record SourcePosition(Path file, int line) implements Comparable<SourcePosition> {

  public String fileName() {
    return file.getFileName().toString();
  }

  @Override
  public int compareTo(SourcePosition other) {
    int byFile = file.toString().compareTo(other.file.toString());
    return byFile != 0 ? byFile : Integer.compare(line, other.line);
  }

  @Override
  public String toString() {
    return file + ":" + line;
  }
}
