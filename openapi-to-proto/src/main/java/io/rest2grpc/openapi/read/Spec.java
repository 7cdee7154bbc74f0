package io.rest2grpc.openapi.read;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;

/**
 * A parsed spec: the OpenAPI 3 model (Swagger 2.0 documents are converted by swagger-parser), with
 * every {@code $ref} left as written, the raw tree of the entry document, and what the
 * {@code --config} file sets besides its overrides.
 */
public record Spec(String displayName, SpecVersion version, ObjectNode root, OpenAPI model, ConfigSettings config) {}
