package io.rest2grpc.maven.controllers.model;

/**
 * Where the DispatcherServlet sits: {@code server.servlet.context-path} (default "") and
 * {@code spring.mvc.servlet.path} (default "/"). Neither is part of the routes in {@link Handler#paths()};
 * a client reaches a handler at context path + servlet path + route.
 */
public record ServletPaths(String contextPath, String servletPath) {

  public static final ServletPaths DEFAULT = new ServletPaths("", "/");
}
