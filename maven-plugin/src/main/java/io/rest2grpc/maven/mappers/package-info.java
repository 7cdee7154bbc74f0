/**
 * Typed mappers: generated, field-by-field Java code between protoc-generated messages and the application's
 * DTOs, matched by their REST JSON names, with no JSON in between. {@link io.rest2grpc.maven.mappers.DtoMappers}
 * plans them (each request {@code Mapped} or {@code Unmappable} with its reasons), and
 * {@link io.rest2grpc.maven.mappers.MapperWriter} writes them with JavaPoet.
 */
package io.rest2grpc.maven.mappers;
