package io.rest2grpc.transcoding.json;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor.JavaType;
import com.google.protobuf.MessageOrBuilder;
import io.rest2grpc.options.v1.Emission;

/** Whether a field is written, by its effective emission (see options.proto's Emission). */
final class Emissions {
  /** What to write for one field. */
  enum Decision { SKIP, NULL, VALUE }

  private Emissions() {}

  static Decision decide(FieldMeta f, MessageOrBuilder message) {
    FieldDescriptor field = f.descriptor;
    if (field.isRepeated()) {
      boolean empty = message.getRepeatedFieldCount(field) == 0;
      return switch (f.emission) {
        case EMISSION_ALWAYS, EMISSION_NON_NULL -> Decision.VALUE;
        default -> empty ? Decision.SKIP : Decision.VALUE;
      };
    }
    boolean absent = field.hasPresence() && !message.hasField(field);
    if (absent || unprintableEnum(f, message)) {
      return f.emission == Emission.EMISSION_ALWAYS ? Decision.NULL : Decision.SKIP;
    }
    return switch (f.emission) {
      case EMISSION_ALWAYS, EMISSION_NON_NULL -> Decision.VALUE;
      case EMISSION_NON_EMPTY -> emptyText(message.getField(field)) ? Decision.SKIP : Decision.VALUE;
      default -> field.hasPresence() || message.hasField(field) ? Decision.VALUE : Decision.SKIP;
    };
  }

  /** The zero _UNSPECIFIED value stands for "no value" and is never printed. */
  private static boolean unprintableEnum(FieldMeta f, MessageOrBuilder message) {
    return f.descriptor.getJavaType() == JavaType.ENUM
        && f.enumType().wire(((EnumValueDescriptor) message.getField(f.descriptor)).getNumber()) == null;
  }

  private static boolean emptyText(Object value) {
    return value instanceof String s ? s.isEmpty() : value instanceof ByteString b && b.isEmpty();
  }
}
