package io.rest2grpc.maven.controllers.model;

import java.util.List;

/**
 * The narrowing conditions of a mapping, with constants resolved: {@code params} and {@code headers}
 * expressions ("name", "!name", "name=value") and the media types of {@code consumes} and {@code produces}.
 */
public record RequestConditions(List<String> params, List<String> headers, List<String> consumes, List<String> produces) {

  public static final RequestConditions NONE = new RequestConditions(List.of(), List.of(), List.of(), List.of());

  public RequestConditions {
    params = List.copyOf(params);
    headers = List.copyOf(headers);
    consumes = List.copyOf(consumes);
    produces = List.copyOf(produces);
  }
}
