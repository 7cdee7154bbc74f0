package io.rest2grpc.maven.controllers.model;

import io.rest2grpc.maven.source.SourcePosition;

/**
 * Something the reader could not read or does not support. The message is complete: what, where, why,
 * and what to do ("<what> at <file:line>: <problem>; <what to do>").
 *
 * @param platform whether it is the application's platform that is unsupported (Spring Boot 2), not one of its classes
 */
public record Problem(SourcePosition position, String message, boolean platform) implements Comparable<Problem> {

  /** A problem with one class or member: the rest of the application is read. */
  public Problem(SourcePosition position, String message) {
    this(position, message, false);
  }

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
