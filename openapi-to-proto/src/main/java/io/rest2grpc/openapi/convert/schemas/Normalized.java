package io.rest2grpc.openapi.convert.schemas;

import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.swagger.v3.oas.models.media.Schema;

/**
 * A schema with references and wrappers that add nothing taken off ({@code $ref},
 * {@code allOf: [$ref]}, {@code anyOf: [X, null]}): the schema that decides the type, the place it
 * is written, the name of the last schema referenced on the way (null when none), whether any step
 * allowed null, and the first description found on the way.
 */
record Normalized(Schema<?> schema, SourceLocation location, String refName, boolean nullable, String description) {}
