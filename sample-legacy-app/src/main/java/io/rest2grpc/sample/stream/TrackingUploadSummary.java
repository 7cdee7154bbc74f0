package io.rest2grpc.sample.stream;

import java.util.List;

/** What a tracking upload did: counts, and why each rejected line was rejected. */
public record TrackingUploadSummary(int received, int applied, int rejected, List<LineError> errors) {

  public record LineError(int line, String message) {}
}
