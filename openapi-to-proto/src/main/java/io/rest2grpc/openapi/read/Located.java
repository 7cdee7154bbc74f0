package io.rest2grpc.openapi.read;

import io.rest2grpc.openapi.diagnostics.SourceLocation;

/** A spec object together with the place it was written. */
public record Located<T>(T value, SourceLocation location) {}
