package io.rest2grpc.transcoding.json;

import com.google.protobuf.Descriptors.OneofDescriptor;
import io.rest2grpc.options.v1.RestOneof;
import java.util.HashMap;
import java.util.Map;

/**
 * A oneof with a discriminator: the chosen variant's properties sit in the containing object, and
 * the discriminator property names the variant.
 */
final class FlatUnion {
  final OneofDescriptor oneof;
  final String discriminator;
  private final Map<String, FieldMeta> variantByWire = new HashMap<>();
  private final Map<FieldMeta, String> wireByVariant = new HashMap<>();

  FlatUnion(OneofDescriptor oneof, RestOneof options, Map<String, FieldMeta> fieldsByProtoName) {
    this.oneof = oneof;
    this.discriminator = options.getDiscriminator();
    options.getDiscriminatorValuesMap().entrySet().stream()
        .sorted(Map.Entry.comparingByKey()) // the first wire value of a variant is the one printed
        .forEach(e -> {
          FieldMeta variant = fieldsByProtoName.get(e.getValue());
          if (variant != null) {
            variantByWire.put(e.getKey(), variant);
            wireByVariant.putIfAbsent(variant, e.getKey());
          }
        });
  }

  FieldMeta variant(String wire) {
    return variantByWire.get(wire);
  }

  /** The discriminator value printed for a variant whose own discriminator property is empty. */
  String wire(FieldMeta variant) {
    return wireByVariant.getOrDefault(variant, variant.descriptor.getName());
  }

  String expected() {
    return String.join(", ", variantByWire.keySet().stream().sorted().toList());
  }
}
