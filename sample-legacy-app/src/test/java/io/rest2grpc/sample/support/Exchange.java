package io.rest2grpc.sample.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/** One request and the response it got, as seen on the wire. */
public record Exchange(String method, String path, int status, HttpHeaders headers, byte[] bytes) {

  // Jackson reads JSON integers as long, so ids above 2^53 are compared exactly, not as doubles.
  private static final ObjectMapper JSON = new ObjectMapper();

  public String body() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  public JsonNode json() {
    try {
      return JSON.readTree(bytes);
    } catch (java.io.IOException e) {
      throw new AssertionError(method + " " + path + " did not answer JSON: " + body(), e);
    }
  }

  public String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  public String contentType() {
    return header("Content-Type");
  }

  public static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  @Override
  public String toString() {
    return method + " " + path + " -> " + status + " " + contentType() + " " + body();
  }
}
