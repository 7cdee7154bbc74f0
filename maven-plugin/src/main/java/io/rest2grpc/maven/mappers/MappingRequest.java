package io.rest2grpc.maven.mappers;

import com.google.protobuf.Descriptors.Descriptor;

/**
 * One DTO to map to one proto message.
 *
 * @param dtoType the DTO's type as Java source with qualified names; generics allowed
 *     ({@code com.example.Page<com.example.OrderDto>})
 */
public record MappingRequest(Descriptor message, String dtoType, Direction direction) {}
