package io.rest2grpc.transcoding.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import io.rest2grpc.options.v1.Format;
import java.io.IOException;
import java.util.Base64;
import java.util.List;

/** Prints messages as REST JSON on a Jackson generator. Stateless apart from the shared metadata. */
final class MessageWriter {
  /** Deeper messages are refused rather than risking the stack. */
  static final int MAX_DEPTH = 200;

  private final MetaCache cache;

  MessageWriter(MetaCache cache) {
    this.cache = cache;
  }

  void write(MessageOrBuilder message, JsonGenerator out) throws IOException {
    writeMessage(cache.message(message.getDescriptorForType()), message, null, out, 0);
  }

  /** One field's whole value: an array for a repeated field, an object for a map. */
  void writeField(MessageOrBuilder message, FieldDescriptor field, JsonGenerator out) throws IOException {
    writeFieldValue(fieldMeta(field), message.getField(field), out, 0);
  }

  /** One value of the field: a singular value, an element of a repeated field, or a map entry's value. */
  void writeElement(FieldDescriptor field, Object value, JsonGenerator out) throws IOException {
    FieldMeta meta = fieldMeta(field);
    writeValue(field.isMapField() ? meta.mapValue : meta, value, out, 0);
  }

  private FieldMeta fieldMeta(FieldDescriptor field) {
    return cache.message(field.getContainingType()).fields.get(field.getIndex());
  }

  /** @param context the field holding the message (its format and int64 encoding), or null */
  private void writeMessage(MessageMeta meta, MessageOrBuilder m, FieldMeta context, JsonGenerator out, int depth)
      throws IOException {
    if (depth > MAX_DEPTH) {
      throw new RestJsonException("", "the message nests deeper than " + MAX_DEPTH + " levels");
    }
    switch (meta.shape) {
      case OBJECT -> {
        out.writeStartObject();
        writeProperties(meta, m, null, out, depth);
        out.writeEndObject();
      }
      case ARRAY_WRAPPER, MAP_WRAPPER -> writeFieldValue(meta.single, m.getField(meta.single.descriptor), out, depth);
      case BARE_UNION -> {
        FieldDescriptor set = m.getOneofFieldDescriptor(meta.bareOneof);
        if (set == null) {
          out.writeNull();
        } else {
          writeValue(meta.fields.get(set.getIndex()), m.getField(set), out, depth);
        }
      }
      case SCALAR_WRAPPER -> writeScalar(meta.single.descriptor.getType(), m.getField(meta.single.descriptor),
          context != null && context.int64AsString, out);
      case TIMESTAMP -> out.writeString(Times.timestamp(longField(m, 1), (int) longField(m, 2),
          context != null && context.format == Format.FORMAT_DATE));
      case DURATION -> out.writeString(Times.duration(longField(m, 1), (int) longField(m, 2),
          context != null && context.format == Format.FORMAT_DURATION));
      case STRUCT -> writeStruct(m, out, depth);
      case LIST_VALUE -> writeList(m, out, depth);
      case VALUE -> writeJsonValue(m, out, depth);
    }
  }

  /**
   * Writes a message's properties into the object already started: declared fields by emission,
   * flat union variants inline, then the entries of an unwrapped map.
   *
   * @param skip a property the caller already wrote (a flat variant's discriminator), or null
   */
  private void writeProperties(MessageMeta meta, MessageOrBuilder m, String skip, JsonGenerator out, int depth)
      throws IOException {
    for (FieldMeta f : meta.fields) {
      if (f.flatUnion != null) {
        if (m.hasField(f.descriptor)) {
          writeFlatVariant(f, (Message) m.getField(f.descriptor), out, depth);
        }
        continue;
      }
      if (f.unwrappedMap || f.name.equals(skip)) {
        continue;
      }
      switch (Emissions.decide(f, m)) {
        case SKIP -> { }
        case NULL -> {
          out.writeFieldName(f.name);
          out.writeNull();
        }
        case VALUE -> {
          out.writeFieldName(f.name);
          writeFieldValue(f, m.getField(f.descriptor), out, depth);
        }
      }
    }
    if (meta.unwrappedMap != null) {
      for (Object entry : (List<?>) m.getField(meta.unwrappedMap.descriptor)) {
        writeEntry(meta.unwrappedMap, (Message) entry, out, depth);
      }
    }
  }

  /** The variant's properties beside the container's, led by the discriminator. */
  private void writeFlatVariant(FieldMeta variant, Message value, JsonGenerator out, int depth) throws IOException {
    MessageMeta meta = variant.message();
    String discriminator = variant.flatUnion.discriminator;
    FieldMeta own = meta.byName.get(discriminator);
    boolean ownIsSet = own != null && Emissions.decide(own, value) == Emissions.Decision.VALUE
        && !"".equals(value.getField(own.descriptor));
    if (!ownIsSet) {
      out.writeStringField(discriminator, variant.flatUnion.wire(variant));
    }
    writeProperties(meta, value, ownIsSet ? null : discriminator, out, depth + 1);
  }

  private void writeFieldValue(FieldMeta f, Object value, JsonGenerator out, int depth) throws IOException {
    if (f.descriptor.isMapField()) {
      out.writeStartObject();
      for (Object entry : (List<?>) value) {
        writeEntry(f, (Message) entry, out, depth);
      }
      out.writeEndObject();
    } else if (f.descriptor.isRepeated()) {
      out.writeStartArray();
      for (Object element : (List<?>) value) {
        if (!(element instanceof EnumValueDescriptor e) || f.enumType().wire(e.getNumber()) != null) {
          writeValue(f, element, out, depth);
        }
      }
      out.writeEndArray();
    } else {
      writeValue(f, value, out, depth);
    }
  }

  private void writeEntry(FieldMeta map, Message entry, JsonGenerator out, int depth) throws IOException {
    out.writeFieldName(Scalars.keyText(entry.getField(map.mapKey.descriptor), map.mapKey.descriptor));
    writeValue(map.mapValue, entry.getField(map.mapValue.descriptor), out, depth);
  }

  /** One value of a field: a singular value, or one element of a repeated field or map. */
  private void writeValue(FieldMeta f, Object value, JsonGenerator out, int depth) throws IOException {
    switch (f.descriptor.getJavaType()) {
      case MESSAGE -> writeMessage(f.message(), (MessageOrBuilder) value, f, out, depth + 1);
      case ENUM -> {
        Object wire = f.enumType().wire(((EnumValueDescriptor) value).getNumber());
        if (wire instanceof Long number) {
          out.writeNumber(number);
        } else if (wire != null) {
          out.writeString((String) wire);
        } else {
          out.writeNull(); // _UNSPECIFIED where a value must stand (a map value, a union variant)
        }
      }
      default -> writeScalar(f.descriptor.getType(), value, f.int64AsString, out);
    }
  }

  private static void writeScalar(FieldDescriptor.Type type, Object value, boolean int64AsString, JsonGenerator out)
      throws IOException {
    switch (type) {
      case INT64, SINT64, SFIXED64 -> {
        long v = (Long) value;
        if (int64AsString) {
          out.writeString(Long.toString(v));
        } else {
          out.writeNumber(v);
        }
      }
      case UINT64, FIXED64 -> {
        String v = Long.toUnsignedString((Long) value);
        if (int64AsString) {
          out.writeString(v);
        } else {
          out.writeNumber(v);
        }
      }
      case UINT32, FIXED32 -> out.writeNumber(Integer.toUnsignedLong((Integer) value));
      case INT32, SINT32, SFIXED32 -> out.writeNumber((Integer) value);
      case DOUBLE -> writeDouble((Double) value, out);
      case FLOAT -> {
        float v = (Float) value;
        if (Float.isFinite(v)) {
          out.writeNumber(v);
        } else {
          writeDouble(v, out);
        }
      }
      case BOOL -> out.writeBoolean((Boolean) value);
      case STRING -> out.writeString((String) value);
      case BYTES -> out.writeString(Base64.getEncoder().encodeToString(((ByteString) value).toByteArray()));
      default -> throw new IllegalArgumentException(type + " is not a scalar");
    }
  }

  private static void writeDouble(double v, JsonGenerator out) throws IOException {
    if (Double.isNaN(v)) {
      out.writeString("NaN");
    } else if (Double.isInfinite(v)) {
      out.writeString(v > 0 ? "Infinity" : "-Infinity");
    } else {
      out.writeNumber(v);
    }
  }

  // google.protobuf.Struct, Value and ListValue, read reflectively so DynamicMessage works too.

  private void writeStruct(MessageOrBuilder struct, JsonGenerator out, int depth) throws IOException {
    FieldDescriptor fields = struct.getDescriptorForType().findFieldByNumber(1);
    FieldDescriptor key = fields.getMessageType().findFieldByNumber(1);
    FieldDescriptor value = fields.getMessageType().findFieldByNumber(2);
    out.writeStartObject();
    for (Object entry : (List<?>) struct.getField(fields)) {
      out.writeFieldName((String) ((Message) entry).getField(key));
      writeJsonValue((Message) ((Message) entry).getField(value), out, depth + 1);
    }
    out.writeEndObject();
  }

  private void writeList(MessageOrBuilder list, JsonGenerator out, int depth) throws IOException {
    out.writeStartArray();
    for (Object value : (List<?>) list.getField(list.getDescriptorForType().findFieldByNumber(1))) {
      writeJsonValue((Message) value, out, depth + 1);
    }
    out.writeEndArray();
  }

  private void writeJsonValue(MessageOrBuilder value, JsonGenerator out, int depth) throws IOException {
    if (depth > MAX_DEPTH) {
      throw new RestJsonException("", "the message nests deeper than " + MAX_DEPTH + " levels");
    }
    FieldDescriptor kind = value.getOneofFieldDescriptor(value.getDescriptorForType().getRealOneofs().get(0));
    switch (kind == null ? 1 : kind.getNumber()) {
      case 2 -> writeNumber((Double) value.getField(kind), out);
      case 3 -> out.writeString((String) value.getField(kind));
      case 4 -> out.writeBoolean((Boolean) value.getField(kind));
      case 5 -> writeStruct((Message) value.getField(kind), out, depth);
      case 6 -> writeList((Message) value.getField(kind), out, depth);
      default -> out.writeNull(); // null_value, or no kind set
    }
  }

  /** JSON numbers from Value print integral values without a fraction: 1, not 1.0. */
  private static void writeNumber(double v, JsonGenerator out) throws IOException {
    if (v == Math.rint(v) && Math.abs(v) < 0x1p63) {
      out.writeNumber((long) v);
    } else {
      writeDouble(v, out);
    }
  }

  private static long longField(MessageOrBuilder m, int number) {
    return ((Number) m.getField(m.getDescriptorForType().findFieldByNumber(number))).longValue();
  }
}
