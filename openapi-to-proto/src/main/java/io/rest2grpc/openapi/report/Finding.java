package io.rest2grpc.openapi.report;

import io.rest2grpc.openapi.diagnostics.SourceLocation;

/** One report row: what was decided, about which proto element, from which place in the spec. */
public record Finding(Severity severity, Category category, SourceLocation source, String element, String message) {}
