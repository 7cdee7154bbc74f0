package io.rest2grpc.openapi.proto;

import io.rest2grpc.openapi.SourceLocation;
import java.util.List;

/**
 * A top-level message; {@code source} is the schema (or operation) it was made from; {@code reserved}
 * holds the fields removed since the lock file was written.
 */
public record ProtoMessage(
    String name, String comment, List<ProtoField> fields, boolean deprecated, SourceLocation source, Reserved reserved) {}
