package io.rest2grpc.maven.selfcheck;

/**
 * One REST JSON document a mapper's self-check starts from.
 *
 * @param origin where it comes from: a spec example's location ({@code openapi.yaml#/components/schemas/Order/example}),
 *     or the message with every mapped field filled in
 * @param everyMappedField it sets every field its mapper maps
 */
public record Seed(String origin, String restJson, boolean everyMappedField) {}
