package io.rest2grpc.maven.controllers;

import io.rest2grpc.maven.controllers.model.Controllers;
import io.rest2grpc.maven.controllers.model.Handler;
import io.rest2grpc.maven.testing.SampleApp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The fixture applications under src/test/resources/controllers, read against the sample app's classpath. */
final class Fixtures {

  private Fixtures() {}

  static Path root(String fixture) {
    return Path.of("src/test/resources/controllers", fixture).toAbsolutePath();
  }

  static Controllers read(String fixture, Map<String, String> properties) throws Exception {
    return ControllerReader.read(List.of(root(fixture)), SampleApp.classpath(), properties);
  }

  static Handler handler(Controllers controllers, String method) {
    return controllers.handlers().stream()
        .filter(handler -> handler.method().name().equals(method))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no handler " + method + " in " + lines(controllers)));
  }

  /** One line per handler: {@code VERB path -> Class#method (File.java:line)}, verbs and paths comma-separated. */
  static String line(Handler handler) {
    String verbs = handler.httpMethods().isEmpty() ? "ANY"
        : String.join(",", handler.httpMethods().stream().map(Enum::name).toList());
    return verbs + " " + String.join(",", handler.paths()) + " -> " + handler.controllerSimpleName() + "#"
        + handler.method().name() + " (" + handler.position().fileName() + ":" + handler.position().line() + ")";
  }

  static List<String> lines(Controllers controllers) {
    return controllers.handlers().stream().map(Fixtures::line).toList();
  }
}
