package io.rest2grpc.maven.controllers;

import com.github.javaparser.ast.Node;
import io.rest2grpc.maven.controllers.model.Problem;
import io.rest2grpc.maven.source.SourcePosition;

/** Builds problems in the house form "<what> at <where>: <problem>; <what to do>". */
final class Problems {

  static final String SUPPORTED = "rest2grpc reads Spring MVC controllers (Spring Boot 3, jakarta.*) written in Java"
      + " in this module's source roots";

  private Problems() {}

  static Problem at(Node node, String what, String problem, String whatToDo) {
    return at(Positions.of(node), what, problem, whatToDo);
  }

  static Problem at(SourcePosition position, String what, String problem, String whatToDo) {
    return new Problem(position, what + " at " + position + ": " + problem + "; " + whatToDo);
  }

  /** A problem with the application's platform, which no generated code can work around. */
  static Problem platform(Node node, String what, String problem, String whatToDo) {
    SourcePosition position = Positions.of(node);
    return new Problem(position, what + " at " + position + ": " + problem + "; " + whatToDo, true);
  }
}
