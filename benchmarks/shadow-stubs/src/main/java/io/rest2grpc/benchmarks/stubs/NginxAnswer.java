package io.rest2grpc.benchmarks.stubs;

import io.rest2grpc.transcoding.http.RestHeaders;
import io.rest2grpc.transcoding.http.RestResponse;
import java.nio.file.Path;

/**
 * {@code NginxAnswer DESCRIPTOR_SET}: prints the nginx directives of a {@code location} that answers the canned order
 * in REST terms ({@code default_type}, {@code add_header}, {@code return}), for the fixed-response REST stubs.
 */
public final class NginxAnswer {
  private NginxAnswer() {}

  public static void main(String[] args) throws Exception {
    RestResponse answer = CannedOrder.of(Path.of(args[0])).rest();
    System.out.println("default_type " + quoted(answer.mediaType()) + ";");
    for (RestHeaders.Header header : answer.headers().list()) {
      System.out.println("add_header " + header.name() + " " + quoted(header.value()) + " always;");
    }
    System.out.println("return " + answer.status() + " " + quoted(answer.body().toStringUtf8()) + ";");
  }

  private static String quoted(String text) {
    if (text.contains("$")) { // nginx would read a variable
      throw new IllegalArgumentException("nginx cannot return a literal $: " + text);
    }
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
