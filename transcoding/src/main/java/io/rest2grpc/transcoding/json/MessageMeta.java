package io.rest2grpc.transcoding.json;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.RestOneof;
import io.rest2grpc.options.v1.Wrapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** How one message type looks in REST JSON: its shape, its properties and its unions. */
final class MessageMeta {
  /** What a message prints as. */
  enum Shape {
    /** A JSON object of its properties (flat unions included). */
    OBJECT,
    /** RestMessage.wrapper: the single field, as a bare array or object. */
    ARRAY_WRAPPER, MAP_WRAPPER,
    /** A message that is one undiscriminated oneof: the set variant's bare value. */
    BARE_UNION,
    TIMESTAMP, DURATION, STRUCT, VALUE, LIST_VALUE,
    /** google.protobuf.Int64Value and friends: the bare value. */
    SCALAR_WRAPPER
  }

  private static final Set<String> SCALAR_WRAPPERS = Set.of("DoubleValue", "FloatValue", "Int64Value",
      "UInt64Value", "Int32Value", "UInt32Value", "BoolValue", "StringValue", "BytesValue");

  final Descriptor descriptor;
  final Shape shape;
  /** Declared fields in declaration order, variants of flat unions included. */
  final List<FieldMeta> fields = new ArrayList<>();
  /** Property name (REST, JSON or proto name) -> field, for the fields that are properties. */
  final Map<String, FieldMeta> byName = new HashMap<>();
  final List<FlatUnion> flatUnions = new ArrayList<>();
  /** The map whose entries sit beside the properties, or null. */
  final FieldMeta unwrappedMap;
  /** The single field of a wrapper (values) or scalar wrapper (value). */
  final FieldMeta single;
  /** The variants of a bare union, in declaration order. */
  final List<FieldMeta> variants;
  final OneofDescriptor bareOneof;

  MessageMeta(Descriptor descriptor, MetaCache cache) {
    this.descriptor = descriptor;
    Map<String, FieldMeta> byProtoName = new HashMap<>();
    FieldMeta unwrapped = null;
    for (FieldDescriptor field : descriptor.getFields()) {
      FieldMeta meta = new FieldMeta(field, cache);
      fields.add(meta);
      byProtoName.put(field.getName(), meta);
      if (meta.unwrappedMap && unwrapped == null) {
        unwrapped = meta;
      }
    }
    this.unwrappedMap = unwrapped;
    for (OneofDescriptor oneof : descriptor.getRealOneofs()) {
      RestOneof options = oneof.getOptions().getExtension(OptionsProto.oneof);
      if (!options.getDiscriminator().isEmpty()) {
        FlatUnion union = new FlatUnion(oneof, options, byProtoName);
        flatUnions.add(union);
        for (FieldDescriptor variant : oneof.getFields()) {
          if (variant.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
            byProtoName.get(variant.getName()).flatUnion = union; // a scalar variant stays a property
          }
        }
      }
    }
    // proto names, then JSON names, then REST names: the name printed wins any clash
    for (FieldMeta f : properties()) {
      byName.put(f.descriptor.getName(), f);
    }
    for (FieldMeta f : properties()) {
      byName.put(f.descriptor.getJsonName(), f);
    }
    for (FieldMeta f : properties()) {
      byName.put(f.name, f);
    }
    this.shape = shape(descriptor);
    this.single = shape == Shape.ARRAY_WRAPPER || shape == Shape.MAP_WRAPPER || shape == Shape.SCALAR_WRAPPER
        ? fields.get(0) : null;
    this.bareOneof = shape == Shape.BARE_UNION ? descriptor.getRealOneofs().get(0) : null;
    this.variants = shape == Shape.BARE_UNION ? List.copyOf(fields) : List.of();
  }

  private List<FieldMeta> properties() {
    return fields.stream().filter(f -> f.flatUnion == null && !f.unwrappedMap).toList();
  }

  private Shape shape(Descriptor d) {
    if (d.getFile().getPackage().equals("google.protobuf")) {
      switch (d.getName()) {
        case "Timestamp": return Shape.TIMESTAMP;
        case "Duration": return Shape.DURATION;
        case "Struct": return Shape.STRUCT;
        case "Value": return Shape.VALUE;
        case "ListValue": return Shape.LIST_VALUE;
        default:
          if (SCALAR_WRAPPERS.contains(d.getName())) {
            return Shape.SCALAR_WRAPPER;
          }
      }
    }
    Wrapper wrapper = d.getOptions().getExtension(OptionsProto.message).getWrapper();
    if (fields.size() == 1 && wrapper == Wrapper.WRAPPER_ARRAY && fields.get(0).descriptor.isRepeated()) {
      return Shape.ARRAY_WRAPPER;
    }
    if (fields.size() == 1 && wrapper == Wrapper.WRAPPER_MAP && fields.get(0).descriptor.isMapField()) {
      return Shape.MAP_WRAPPER;
    }
    List<OneofDescriptor> oneofs = d.getRealOneofs();
    if (!fields.isEmpty() && oneofs.size() == 1 && flatUnions.isEmpty()
        && oneofs.get(0).getFieldCount() == fields.size()) {
      return Shape.BARE_UNION;
    }
    return Shape.OBJECT;
  }

  /** The JSON value kind this message prints as. */
  JsonKind kind() {
    return switch (shape) {
      case OBJECT, MAP_WRAPPER, STRUCT -> JsonKind.OBJECT;
      case ARRAY_WRAPPER, LIST_VALUE -> JsonKind.ARRAY;
      case TIMESTAMP, DURATION -> JsonKind.STRING;
      case SCALAR_WRAPPER -> single.kind();
      case VALUE, BARE_UNION -> JsonKind.ANY;
    };
  }

  /** How many of these property names this message knows, flat union variants included. */
  int coverage(Set<String> names) {
    Set<String> known = new HashSet<>(byName.keySet());
    for (FlatUnion union : flatUnions) {
      known.add(union.discriminator);
      for (FieldDescriptor variant : union.oneof.getFields()) {
        FieldMeta meta = fields.get(variant.getIndex());
        if (meta.isMessage()) {
          known.addAll(meta.message().byName.keySet());
        }
      }
    }
    known.retainAll(names);
    return known.size();
  }
}
