package io.rest2grpc.maven.controllers;

import io.rest2grpc.maven.controllers.model.Problem;

/** Stops reading one handler, controller or argument; the reader records the problem and goes on with the next. */
final class UnreadableSource extends RuntimeException {

  private final transient Problem problem;

  UnreadableSource(Problem problem) {
    super(problem.message(), null, false, false);
    this.problem = problem;
  }

  Problem problem() {
    return problem;
  }
}
