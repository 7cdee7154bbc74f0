package io.rest2grpc.transcoding.paging;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor.JavaType;
import com.google.protobuf.Message;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Puts the entries of every map of a message, at any depth, in key order, one per key (the last,
 * as parsing keeps). Deterministic serialization already does this for generated messages but not
 * for {@code DynamicMessage}, which writes map entries in the order they were added or parsed.
 * Keys compare as protobuf-java's generated code sorts them: strings by {@code String.compareTo},
 * integers as signed numbers, false before true.
 */
final class SortedMaps {
  private SortedMaps() {}

  static Message sort(Message message) {
    Message.Builder sorted = message.toBuilder();
    message.getAllFields().forEach((field, value) -> {
      if (field.getJavaType() != JavaType.MESSAGE) {
        return;
      }
      if (field.isMapField()) {
        sorted.clearField(field);
        entriesByKey(field, (List<?>) value).values().forEach(entry -> sorted.addRepeatedField(field, entry));
      } else if (field.isRepeated()) {
        sorted.clearField(field);
        for (Object element : (List<?>) value) {
          sorted.addRepeatedField(field, sort((Message) element));
        }
      } else {
        sorted.setField(field, sort((Message) value));
      }
    });
    return sorted.buildPartial();
  }

  private static SortedMap<Object, Message> entriesByKey(FieldDescriptor mapField, List<?> entries) {
    FieldDescriptor key = mapField.getMessageType().findFieldByName("key");
    FieldDescriptor value = mapField.getMessageType().findFieldByName("value");
    SortedMap<Object, Message> byKey = new TreeMap<>();
    for (Object element : entries) {
      Message entry = (Message) element;
      if (value.getJavaType() == JavaType.MESSAGE) {
        entry = entry.toBuilder().setField(value, sort((Message) entry.getField(value))).buildPartial();
      }
      byKey.put(entry.getField(key), entry);
    }
    return byKey;
  }
}
