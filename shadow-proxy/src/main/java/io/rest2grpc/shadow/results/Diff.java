package io.rest2grpc.shadow.results;

import io.rest2grpc.shadow.compare.Mismatch;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One mismatching answer, as kept for the report and {@code /diffs}: the request, both answers side by side (the
 * gRPC one as the engine writes it for REST) and where they differ. Secrets are redacted before one is made
 * ({@link Redaction}).
 *
 * @param request the method and target, secret query parameters redacted
 * @param requestHeaders the request's headers, secret ones redacted
 */
public record Diff(Instant at, String rpc, String request, Map<String, String> requestHeaders, Answer rest, Answer grpc,
    List<Mismatch> mismatches) {

  /** One side's answer; a body above {@link #MAX_BODY_CHARS} is cut there. */
  public record Answer(int status, String mediaType, Map<String, String> headers, String body) {
    public static final int MAX_BODY_CHARS = 65_536;

    public Answer {
      if (body.length() > MAX_BODY_CHARS) {
        body = body.substring(0, MAX_BODY_CHARS) + "… (" + (body.length() - MAX_BODY_CHARS) + " more characters)";
      }
    }
  }

  public Diff {
    requestHeaders = Map.copyOf(requestHeaders);
    mismatches = List.copyOf(mismatches);
  }
}
