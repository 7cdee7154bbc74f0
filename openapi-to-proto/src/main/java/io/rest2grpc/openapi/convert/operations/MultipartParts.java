package io.rest2grpc.openapi.convert.operations;

import io.rest2grpc.openapi.convert.media.MediaTypes;
import io.rest2grpc.openapi.convert.schemas.ObjectProperties;
import io.rest2grpc.openapi.convert.schemas.Schemas;
import io.rest2grpc.openapi.convert.schemas.TypeStore;
import io.rest2grpc.openapi.proto.FieldOptions;
import io.rest2grpc.openapi.proto.ProtoField;
import io.rest2grpc.openapi.proto.ProtoField.Cardinality;
import io.rest2grpc.openapi.proto.ProtoMessage;
import io.rest2grpc.openapi.proto.TypeRef;
import io.rest2grpc.openapi.read.Located;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.report.Findings;
import io.swagger.v3.oas.models.media.Encoding;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of a multipart/form-data body's message (module README, "Services and RPCs"): a file
 * ({@code format: binary}, {@code contentMediaType}, {@code contentEncoding}) becomes a
 * {@code rest2grpc.multipart.v1.FilePart} field (repeated for an array of files), which keeps each
 * upload's file name and media type; the spec's {@code encoding.<property>.contentType}, where it is
 * not the default for the part's type, becomes the field's {@code part_content_type}.
 */
final class MultipartParts {
  private final ObjectProperties objects;
  private final TypeStore store;
  private final Findings report;
  private final String pkg;

  MultipartParts(ObjectProperties objects, TypeStore store, Findings report, String pkg) {
    this.objects = objects;
    this.store = store;
    this.report = report;
    this.pkg = pkg;
  }

  /** Rewrites the body message {@code message}, made from {@code body}, in the type store. */
  void apply(String message, Located<Schema<?>> body, Map<String, Encoding> encodings) {
    ProtoMessage built = store.messages().get(message);
    if (built == null) {
      return;
    }
    Map<String, Located<Schema<?>>> properties = objects.of(objects.resolve(body.value(), body.location()));
    List<ProtoField> fields = new ArrayList<>();
    boolean shared = body.value().get$ref() != null;
    for (ProtoField field : built.fields()) {
      Located<Schema<?>> declared = properties.get(field.restName());
      Located<Schema<?>> property = declared == null ? null : objects.resolve(declared.value(), declared.location());
      fields.add(property == null ? field : part(message, field, property, encodings.get(field.restName()), shared));
    }
    store.add(built.withFields(fields));
  }

  private ProtoField part(String message, ProtoField field, Located<Schema<?>> property, Encoding encoding, boolean shared) {
    Located<Schema<?>> items = objects.items(property);
    boolean file = isFile(property.value()) && field.cardinality() != Cardinality.REPEATED;
    boolean files = items != null && isFile(items.value()) && field.cardinality() == Cardinality.REPEATED;
    FieldOptions options = field.options();
    if (file || files) {
      options = options.withFormat(null);
      report.info(Category.FILE_PART, property.location(), pkg + "." + message + "." + field.name(), "multipart part '"
          + field.restName() + "' is " + (files ? "an array of files: repeated" : "a file:") + " rest2grpc.multipart.v1.FilePart"
          + (shared ? " (in the component " + message + ": every use of it has the FilePart)" : ""));
    }
    String contentType = encoding == null ? null : encoding.getContentType();
    if (contentType != null && !MediaTypes.base(contentType).equals(defaultContentType(files ? items.value() : property.value()))) {
      options = options.withPartContentType(contentType);
    }
    ProtoField part = file || files ? field.withType(TypeRef.FILE_PART) : field;
    return part.withOptions(options);
  }

  /** A string whose value is a file's bytes: binary, or with a media type or an encoding of its content (OpenAPI 3.1). */
  static boolean isFile(Schema<?> schema) {
    Set<String> types = Schemas.types(schema);
    return (types.isEmpty() || types.equals(Set.of("string")))
        && ("binary".equals(schema.getFormat()) || schema.getContentMediaType() != null || schema.getContentEncoding() != null);
  }

  /** The media type a part of this schema is sent with when the encoding does not say (OpenAPI 3.1 §4.8.15.4). */
  private static String defaultContentType(Schema<?> schema) {
    if (isFile(schema)) {
      return schema.getContentMediaType() == null ? "application/octet-stream" : MediaTypes.base(schema.getContentMediaType());
    }
    Set<String> types = Schemas.types(schema);
    return types.contains("object") || types.contains("array") ? "application/json" : "text/plain";
  }
}
