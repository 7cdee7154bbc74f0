package io.rest2grpc.openapi.report;

public enum Severity {
  /** A choice that loses nothing but that a reviewer should know about. */
  INFO,
  /** A lossy or ambiguous choice: the REST contract is kept in the report's facts. */
  WARNING
}
