/**
 * The DTO model of typed mappers, read from source with JavaParser and the symbol solver: records, POJOs,
 * Lombok classes (members synthesized from the annotations), enums with their JSON values, and polymorphic
 * types; property names as Jackson prints them. {@link io.rest2grpc.maven.mappers.dto.JavaTypeModel} is the
 * entry point.
 */
package io.rest2grpc.maven.mappers.dto;
