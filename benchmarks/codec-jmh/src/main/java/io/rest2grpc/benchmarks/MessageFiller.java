package io.rest2grpc.benchmarks;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import com.google.protobuf.Value;

/** Fills every field of a message with plausible values, nested messages to a given depth. */
final class MessageFiller {
  private MessageFiller() {}

  /** How many fields a filled message of this type holds, to pick a large one. */
  static int weight(Descriptor type, int depth) {
    int weight = 0;
    for (FieldDescriptor f : type.getFields()) {
      if (f.getRealContainingOneof() != null && f.getIndex() != f.getRealContainingOneof().getField(0).getIndex()) {
        continue; // only the first variant of a oneof is filled
      }
      weight += (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && depth > 0 && !isWellKnown(f.getMessageType()))
          ? 1 + weight(f.getMessageType(), depth - 1) * (f.isRepeated() ? 2 : 1) : 1;
    }
    return weight;
  }

  static Message fill(Descriptor type, int depth) {
    DynamicMessage.Builder b = DynamicMessage.newBuilder(type);
    for (FieldDescriptor f : type.getFields()) {
      if (f.getRealContainingOneof() != null && f.getIndex() != f.getRealContainingOneof().getField(0).getIndex()) {
        continue;
      }
      if (f.isMapField()) {
        FieldDescriptor value = f.getMessageType().findFieldByName("value");
        for (int i = 0; i < 2; i++) {
          Object v = value(value, depth);
          if (v != null) {
            b.addRepeatedField(f, DynamicMessage.newBuilder(f.getMessageType())
                .setField(f.getMessageType().findFieldByName("key"), "key" + i).setField(value, v).build());
          }
        }
      } else if (f.isRepeated()) {
        for (int i = 0; i < 2; i++) {
          Object v = value(f, depth);
          if (v != null) {
            b.addRepeatedField(f, v);
          }
        }
      } else {
        Object v = value(f, depth);
        if (v != null) {
          b.setField(f, v);
        }
      }
    }
    return b.build();
  }

  private static Object value(FieldDescriptor f, int depth) {
    return switch (f.getJavaType()) {
      case INT -> 42;
      case LONG -> 9_007_199_254_740_993L;
      case FLOAT -> 1.5f;
      case DOUBLE -> 2.25;
      case BOOLEAN -> true;
      case STRING -> "value of " + f.getName();
      case BYTE_STRING -> ByteString.copyFromUtf8("bytes");
      case ENUM -> f.getEnumType().getValues().size() > 1 ? f.getEnumType().getValues().get(1) : f.getEnumType().getValues().get(0);
      case MESSAGE -> message(f.getMessageType(), depth);
    };
  }

  private static Object message(Descriptor type, int depth) {
    switch (type.getFullName()) {
      case "google.protobuf.Timestamp":
        return Timestamp.newBuilder().setSeconds(1_714_550_400L).setNanos(500_000_000).build();
      case "google.protobuf.Struct":
        return Struct.newBuilder().putFields("a", Value.newBuilder().setNumberValue(1).build()).build();
      case "google.protobuf.Value":
        return Value.newBuilder().setStringValue("any").build();
      default:
        if (isWellKnown(type) || depth == 0) {
          return null;
        }
        return fill(type, depth - 1);
    }
  }

  private static boolean isWellKnown(Descriptor type) {
    return type.getFullName().startsWith("google.");
  }
}
