package io.rest2grpc.sample.parity;

import java.util.List;
import java.util.Map;

/**
 * One side's answer to a call, in the form both sides are compared in.
 *
 * @param code the gRPC status code's name ({@code OK} for a response message)
 * @param headers the response metadata's ASCII entries, names in lower case
 * @param json the response message's REST JSON for {@code OK} (its next_page_token read as the
 *     position it carries), else the {@code google.rpc.Status} with its details, as JSON
 */
record Answer(String code, Map<String, List<String>> headers, String json) {
  Answer {
    headers = Map.copyOf(headers);
  }

  boolean ok() {
    return code.equals("OK");
  }

  Answer withJson(String changed) {
    return new Answer(code, headers, changed);
  }

  Answer withHeaders(Map<String, List<String>> changed) {
    return new Answer(code, changed, json);
  }
}
