package io.rest2grpc.transcoding.json;

import com.google.api.FieldBehavior;
import com.google.api.FieldBehaviorProto;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor.JavaType;
import io.rest2grpc.options.v1.Emission;
import io.rest2grpc.options.v1.Format;
import io.rest2grpc.options.v1.Int64Encoding;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.RestField;
import io.rest2grpc.options.v1.RestFile;

/** One field's REST facts, with the file-level defaults already applied. */
final class FieldMeta {
  final FieldDescriptor descriptor;
  /** The property name on the REST wire. */
  final String name;
  /**
   * The effective emission. A required property is in every body: with nothing recorded, a required
   * list or map that is not nullable (written empty as {@code []}, {@code {}}) and a required nullable
   * singular field (written unset as null) are {@code EMISSION_ALWAYS}.
   */
  final Emission emission;
  final boolean int64AsString;
  final Format format;
  final boolean unwrappedMap;
  /** For map fields: the entry's key and value, which share this field's encoding and format. */
  final FieldMeta mapKey;
  final FieldMeta mapValue;
  /** The discriminated oneof this field is a variant of, or null. Set by {@link MessageMeta}. */
  FlatUnion flatUnion;
  private final MetaCache cache;
  private MessageMeta message;
  private EnumMeta enumType;

  FieldMeta(FieldDescriptor descriptor, MetaCache cache) {
    this.descriptor = descriptor;
    this.cache = cache;
    RestField options = descriptor.getOptions().getExtension(OptionsProto.field);
    RestFile file = descriptor.getFile().getOptions().getExtension(OptionsProto.file);
    this.name = restName(descriptor);
    this.emission = options.getEmission() != Emission.EMISSION_UNSPECIFIED ? options.getEmission()
        : file.getEmission() != Emission.EMISSION_UNSPECIFIED ? file.getEmission()
        : alwaysPresent(descriptor, options) ? Emission.EMISSION_ALWAYS
        : Emission.EMISSION_PRESENT;
    Int64Encoding encoding = options.getInt64Encoding() != Int64Encoding.INT64_ENCODING_UNSPECIFIED
        ? options.getInt64Encoding() : file.getInt64Encoding();
    this.int64AsString = encoding == Int64Encoding.INT64_ENCODING_STRING;
    this.format = options.getFormat();
    this.unwrappedMap = options.getUnwrappedMap() && descriptor.isMapField();
    if (descriptor.isMapField()) {
      this.mapKey = new FieldMeta(descriptor.getMessageType().findFieldByNumber(1), this);
      this.mapValue = new FieldMeta(descriptor.getMessageType().findFieldByNumber(2), this);
    } else {
      this.mapKey = null;
      this.mapValue = null;
    }
  }

  /** A nullable list stays PRESENT: empty may have been null, which a proto list cannot tell apart. */
  private static boolean alwaysPresent(FieldDescriptor field, RestField options) {
    return (field.isRepeated() ? !options.getNullable() : options.getNullable() && field.hasPresence())
        && field.getOptions().getExtension(FieldBehaviorProto.fieldBehavior).contains(FieldBehavior.REQUIRED);
  }

  static String restName(FieldDescriptor field) {
    String restName = field.getOptions().getExtension(OptionsProto.field).getRestName();
    return restName.isEmpty() ? field.getJsonName() : restName;
  }

  /** A map entry's key or value, encoded like the map field it belongs to. */
  private FieldMeta(FieldDescriptor entryField, FieldMeta map) {
    this.descriptor = entryField;
    this.cache = map.cache;
    this.name = entryField.getJsonName();
    this.emission = map.emission;
    this.int64AsString = map.int64AsString;
    this.format = map.format;
    this.unwrappedMap = false;
    this.mapKey = null;
    this.mapValue = null;
  }

  /** The metadata of this message-typed field's type (resolved lazily: types may be recursive). */
  MessageMeta message() {
    MessageMeta meta = message;
    if (meta == null) {
      meta = cache.message(descriptor.getMessageType());
      message = meta;
    }
    return meta;
  }

  EnumMeta enumType() {
    EnumMeta meta = enumType;
    if (meta == null) {
      meta = cache.enumType(descriptor.getEnumType());
      enumType = meta;
    }
    return meta;
  }

  /** The JSON value kind this field prints as, for choosing the variant of an undiscriminated union. */
  JsonKind kind() {
    return switch (descriptor.getJavaType()) {
      case STRING, BYTE_STRING -> JsonKind.STRING;
      case BOOLEAN -> JsonKind.BOOLEAN;
      case ENUM -> enumType().integerValues ? JsonKind.NUMBER : JsonKind.STRING;
      case MESSAGE -> message().kind();
      default -> JsonKind.NUMBER;
    };
  }

  boolean isMessage() {
    return descriptor.getJavaType() == JavaType.MESSAGE;
  }
}
