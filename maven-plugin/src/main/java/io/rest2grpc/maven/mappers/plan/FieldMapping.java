package io.rest2grpc.maven.mappers.plan;

import com.google.protobuf.Descriptors.FieldDescriptor;
import io.rest2grpc.maven.mappers.dto.DtoShape.DtoProperty;
import io.rest2grpc.maven.mappers.dto.JavaType;

/**
 * One proto field and the DTO property with its JSON name.
 *
 * @param element the Java type of one value (of a list element, of a map value)
 * @param defaultIsNull the field has no presence and its default (an empty list or map included) is left out of the
 *     REST JSON, so the DTO property, a reference type, reads it as null
 */
public record FieldMapping(FieldDescriptor field, DtoProperty property, Cardinality cardinality, JavaType element,
    Conversion conversion, boolean defaultIsNull) {}
