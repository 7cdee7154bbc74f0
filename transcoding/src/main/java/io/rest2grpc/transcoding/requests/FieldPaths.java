package io.rest2grpc.transcoding.requests;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/** Fields reached by a dotted path of proto field names ({@code book.id}), on any message, generated or dynamic. */
final class FieldPaths {
  private FieldPaths() {}

  /** The fields along {@code path}; every one but the last a singular message. */
  static List<FieldDescriptor> resolve(Descriptor type, String path) {
    List<FieldDescriptor> fields = new ArrayList<>();
    Descriptor current = type;
    for (String name : path.split("\\.")) {
      if (current == null) {
        throw new IllegalArgumentException(type.getFullName() + " has no field path '" + path + "': "
            + fields.get(fields.size() - 1).getName() + " is not a message");
      }
      FieldDescriptor field = current.findFieldByName(name);
      if (field == null) {
        throw new IllegalArgumentException(type.getFullName() + " has no field path '" + path + "' (no field '" + name
            + "' in " + current.getFullName() + ")");
      }
      fields.add(field);
      current = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !field.isRepeated() ? field.getMessageType() : null;
    }
    return List.copyOf(fields);
  }

  /** Runs {@code leaf} on the builder that holds the path's last field, creating the messages on the way. */
  static void update(Message.Builder builder, List<FieldDescriptor> path, BiConsumer<Message.Builder, FieldDescriptor> leaf) {
    update(builder, path, 0, leaf);
  }

  private static void update(Message.Builder builder, List<FieldDescriptor> path, int at,
      BiConsumer<Message.Builder, FieldDescriptor> leaf) {
    FieldDescriptor field = path.get(at);
    if (at == path.size() - 1) {
      leaf.accept(builder, field);
      return;
    }
    Message.Builder nested = builder.hasField(field) ? ((Message) builder.getField(field)).toBuilder() : builder.newBuilderForField(field);
    update(nested, path, at + 1, leaf);
    builder.setField(field, nested.build());
  }

  /** The message holding the path's last field, if every message on the way is set. */
  static Optional<MessageOrBuilder> holder(MessageOrBuilder message, List<FieldDescriptor> path) {
    MessageOrBuilder current = message;
    for (int i = 0; i < path.size() - 1; i++) {
      if (!current.hasField(path.get(i))) {
        return Optional.empty();
      }
      current = (MessageOrBuilder) current.getField(path.get(i));
    }
    return Optional.of(current);
  }

  /** Whether the field has a value worth sending: present where it tracks presence, else not empty or zero. */
  static boolean isSet(MessageOrBuilder message, FieldDescriptor field) {
    if (field.isRepeated()) {
      return message.getRepeatedFieldCount(field) > 0;
    }
    if (field.hasPresence()) {
      return message.hasField(field);
    }
    return !message.getField(field).equals(field.getDefaultValue());
  }
}
