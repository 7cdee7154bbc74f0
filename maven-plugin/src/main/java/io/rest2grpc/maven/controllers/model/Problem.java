package io.rest2grpc.maven.controllers.model;

/**
 * Something the reader could not read or does not support. The message is complete: what, where, why,
 * and what to do ("<what> at <file:line>: <problem>; <what to do>").
 */
public record Problem(SourcePosition position, String message) implements Comparable<Problem> {

  @Override
  public int compareTo(Problem other) {
    int byPosition = position.compareTo(other.position);
    return byPosition != 0 ? byPosition : message.compareTo(other.message);
  }

  @Override
  public String toString() {
    return message;
  }
}
