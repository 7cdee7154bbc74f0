package io.rest2grpc.maven.controllers.model;

import io.rest2grpc.maven.source.SourcePosition;

import java.util.List;

/** An {@code @InitBinder} method; an empty list of names means it applies to every binding. */
public record InitBinderMethod(String methodName, List<String> attributeNames, SourcePosition position) {

  public InitBinderMethod {
    attributeNames = List.copyOf(attributeNames);
  }
}
