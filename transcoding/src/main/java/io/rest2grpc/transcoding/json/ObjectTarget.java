package io.rest2grpc.transcoding.json;

import com.google.protobuf.Message;
import java.io.IOException;

/**
 * The message one JSON object is being read into, with the builders of its flat union variants
 * (which read their properties from the same object) and any properties held back for them.
 */
final class ObjectTarget {
  final MessageMeta meta;
  final Message.Builder builder;
  /** The variant field this target stands for, when it is a flat variant of its container. */
  final FieldMeta field;
  /** Per flat union of the message: the chosen variant, or null while unknown. */
  final ObjectTarget[] variants;
  PropertyBuffer buffer;
  /** Set once the object has ended: no more holding back. */
  boolean finishing;

  ObjectTarget(MessageMeta meta, Message.Builder builder, FieldMeta field) {
    this.meta = meta;
    this.builder = builder;
    this.field = field;
    this.variants = new ObjectTarget[meta.flatUnions.size()];
  }

  /** Starts reading the given variant of a flat union, merging into the variant already set. */
  ObjectTarget choose(int union, FieldMeta variant) {
    Message.Builder variantBuilder = builder.newBuilderForField(variant.descriptor);
    if (builder.hasField(variant.descriptor)) {
      variantBuilder.mergeFrom((Message) builder.getField(variant.descriptor));
    }
    ObjectTarget chosen = new ObjectTarget(variant.message(), variantBuilder, variant);
    variants[union] = chosen;
    return chosen;
  }

  PropertyBuffer buffer() throws IOException {
    if (buffer == null) {
      buffer = new PropertyBuffer();
    }
    return buffer;
  }
}
