package io.rest2grpc.openapi.convert.schemas;

import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.naming.NameRegistry;
import io.rest2grpc.openapi.naming.Names;
import io.rest2grpc.openapi.proto.FieldOptions;
import io.rest2grpc.openapi.proto.OneofOptions;
import io.rest2grpc.openapi.proto.ProtoField;
import io.rest2grpc.openapi.proto.ProtoField.Cardinality;
import io.rest2grpc.openapi.proto.ProtoMessage;
import io.rest2grpc.openapi.proto.Reserved;
import io.rest2grpc.openapi.proto.TypeRef;
import io.rest2grpc.options.v1.RestMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects a message's fields in declaration order and numbers them from 1. Field names are unique
 * in the message, and so are the JSON names protoc derives from them: protoc rejects two fields
 * whose default JSON names clash even when both set json_name.
 */
public final class MessageBuilder {
  private final String name;
  private final SourceLocation source;
  private final NameRegistry fieldNames = new NameRegistry("_");
  private final NameRegistry jsonNames = new NameRegistry("");
  private final List<ProtoField> fields = new ArrayList<>();
  private final Map<String, OneofOptions> oneofs = new HashMap<>();
  private RestMessage options = RestMessage.getDefaultInstance();
  private String comment;
  private boolean deprecated;

  public MessageBuilder(String name, SourceLocation source) {
    this.name = name;
    this.source = source;
  }

  public String name() {
    return name;
  }

  /** Where the message's schema (or the operation it belongs to) is written. */
  SourceLocation source() {
    return source;
  }

  public MessageBuilder comment(String comment) {
    this.comment = comment;
    return this;
  }

  MessageBuilder deprecated(boolean deprecated) {
    this.deprecated = deprecated;
    return this;
  }

  MessageBuilder options(RestMessage options) {
    this.options = options;
    return this;
  }

  /** Sets the options of a oneof, named like a field ({@link #fieldName}). */
  void oneof(String name, OneofOptions options) {
    oneofs.put(name, options);
  }

  /** Whether a field has this name or its default JSON name. */
  public boolean isTaken(String fieldName) {
    return fieldNames.isTaken(fieldName) || jsonNames.isTaken(Names.defaultJsonName(fieldName));
  }

  /** Reserves a field name derived from {@code wanted} (already snake_case) and returns it. */
  public String fieldName(String wanted) {
    String candidate = wanted;
    for (int n = 2; isTaken(candidate); n++) {
      candidate = wanted + "_" + n;
    }
    fieldNames.block(candidate);
    jsonNames.block(Names.defaultJsonName(candidate));
    return candidate;
  }

  /**
   * Adds a field. {@code restName} is the name on the REST wire (null when the field has none, e.g. a
   * oneof member); json_name is set when it differs from protoc's default, unless another field
   * already answers to that JSON name (then the returned field has no json_name and its options
   * keep the REST name). {@code source} is where the field is written: its property, parameter or
   * body, or the operation or schema a synthesized field belongs to.
   */
  public ProtoField add(SourceLocation source, String fieldName, TypeRef type, Cardinality cardinality, String restName, String oneof,
      List<String> behaviors, boolean deprecated, String comment, FieldOptions options) {
    String jsonName = restName == null || restName.equals(Names.defaultJsonName(fieldName)) ? null : restName;
    if (jsonName != null) {
      if (jsonNames.isTaken(jsonName)) {
        jsonName = null;
      } else {
        jsonNames.block(jsonName);
      }
    }
    ProtoField field = new ProtoField(fieldName, fields.size() + 1, type, cardinality, jsonName, oneof,
        List.copyOf(behaviors), deprecated, comment, source, options);
    if (lostRestName(field, restName)) {
      field = field.withOptions(options.withRestName(restName));
    }
    fields.add(field);
    return field;
  }

  /** A field without options beyond proto3 JSON. */
  public ProtoField add(SourceLocation source, String fieldName, TypeRef type, Cardinality cardinality, String restName, String oneof,
      List<String> behaviors, boolean deprecated, String comment) {
    return add(source, fieldName, type, cardinality, restName, oneof, behaviors, deprecated, comment, FieldOptions.NONE);
  }

  /** Whether {@code field} answers to a JSON name other than {@code restName} (json_name had to be dropped). */
  static boolean lostRestName(ProtoField field, String restName) {
    return restName != null && field.jsonName() == null && !restName.equals(Names.defaultJsonName(field.name()));
  }

  public ProtoMessage build() {
    return new ProtoMessage(name, comment, List.copyOf(fields), deprecated, source, Reserved.NONE, options, oneofs);
  }
}
