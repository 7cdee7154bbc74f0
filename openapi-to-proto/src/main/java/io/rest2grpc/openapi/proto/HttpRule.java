package io.rest2grpc.openapi.proto;

/**
 * A {@code google.api.http} annotation. {@code method} is one of get, put, post, delete, patch or a
 * custom verb; {@code body} and {@code responseBody} are null when absent.
 */
public record HttpRule(String method, String path, String body, String responseBody) {

  public boolean isCustom() {
    return !switch (method) {
      case "get", "put", "post", "delete", "patch" -> true;
      default -> false;
    };
  }
}
