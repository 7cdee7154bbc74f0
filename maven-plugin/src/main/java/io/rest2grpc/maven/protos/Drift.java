package io.rest2grpc.maven.protos;

/**
 * One way the committed proto folder differs from what the spec converts to.
 *
 * @param path the file, relative to the proto folder
 * @param detail what differs: the first differing line of both sides, or that the file is missing or stale
 */
public record Drift(String path, Kind kind, String detail) {

  public enum Kind {
    /** the conversion writes it, the folder lacks it */
    MISSING,
    /** both have it, with different contents */
    CHANGED,
    /** the folder has it in one of the spec's package folders, the conversion no longer writes it */
    STALE
  }
}
