package io.rest2grpc.transcoding.routing;

import com.google.protobuf.Descriptors.MethodDescriptor;
import java.util.Map;

/**
 * One way to call an RPC over REST: an HTTP method and a path template, and the query parameters
 * that pick it where several operations share a path ({@code /?op=CreateThing}).
 *
 * @param body the request field the body fills, as the binding's {@code body} says: a field path, {@code *} for the
 *     whole request, empty for no body
 * @param origin where the route was read: {@code google.api.http}, {@code additional_bindings[1]} or {@code rest_path}
 */
public record Route(MethodDescriptor method, String httpMethod, PathTemplate template, Map<String, String> query, String body,
    String origin) {
  public Route {
    query = Map.copyOf(query);
  }

  @Override
  public String toString() {
    StringBuilder q = new StringBuilder();
    query.forEach((k, v) -> q.append(q.length() == 0 ? "?" : "&").append(k).append('=').append(v));
    return httpMethod + " " + template.text() + q + " (" + method.getFullName() + ", " + origin + ")";
  }
}
