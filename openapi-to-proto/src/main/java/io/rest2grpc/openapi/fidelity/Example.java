package io.rest2grpc.openapi.fidelity;

import com.fasterxml.jackson.databind.JsonNode;
import io.rest2grpc.openapi.diagnostics.SourceLocation;

/**
 * An example the spec gives for a schema, with the place it is written, the schema it illustrates
 * and the message that schema became (null when it became no message: arrays, scalars).
 */
public record Example(SourceLocation location, SourceLocation schema, String message, JsonNode value) {}
