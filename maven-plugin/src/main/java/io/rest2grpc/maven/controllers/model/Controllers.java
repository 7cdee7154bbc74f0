package io.rest2grpc.maven.controllers.model;

import java.util.Comparator;
import java.util.List;

/**
 * Everything read from one application's sources, each list sorted by file, then line.
 *
 * @param bypassed the servlet filters and body advice typed calls do not pass through
 * @param applications the qualified names of the {@code @SpringBootApplication} classes, sorted
 */
public record Controllers(ServletPaths servletPaths, List<Controller> controllers, List<Advice> advices,
    List<Bypassed> bypassed, List<String> applications, List<Problem> problems) {

  public Controllers {
    applications = applications.stream().sorted().toList();
    controllers = List.copyOf(controllers);
    advices = List.copyOf(advices);
    bypassed = List.copyOf(bypassed);
    problems = List.copyOf(problems);
  }

  /** The handlers of every controller, by file, then line. */
  public List<Handler> handlers() {
    return controllers.stream()
        .flatMap(controller -> controller.handlers().stream())
        .sorted(Comparator.comparing(Handler::position))
        .toList();
  }
}
