package io.rest2grpc.transcoding.json;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-descriptor metadata, computed once: option lookups are too slow to repeat on every proxied
 * request. Entries are built without touching other entries (nested types resolve lazily), so
 * recursive message types need no special care.
 */
final class MetaCache {
  private final Map<Descriptor, MessageMeta> messages = new ConcurrentHashMap<>();
  private final Map<EnumDescriptor, EnumMeta> enums = new ConcurrentHashMap<>();

  MessageMeta message(Descriptor descriptor) {
    MessageMeta meta = messages.get(descriptor);
    return meta != null ? meta : messages.computeIfAbsent(descriptor, d -> new MessageMeta(d, this));
  }

  EnumMeta enumType(EnumDescriptor descriptor) {
    EnumMeta meta = enums.get(descriptor);
    return meta != null ? meta : enums.computeIfAbsent(descriptor, EnumMeta::new);
  }
}
