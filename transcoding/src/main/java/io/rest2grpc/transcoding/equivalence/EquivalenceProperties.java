package io.rest2grpc.transcoding.equivalence;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.RestOneof;
import io.rest2grpc.options.v1.UnionKind;
import io.rest2grpc.transcoding.equivalence.EquivalenceJson.JsonObject;
import io.rest2grpc.transcoding.equivalence.EquivalenceJson.JsonString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which field each property of one message's JSON object stands for. A field answers to its
 * rest_name, its JSON name and its proto name (in that order of precedence when two fields claim a
 * name), so documents printed with either naming compare property by property. A union (a oneof
 * with RestOneof options) is flat on the REST wire: one variant contributes its fields beside the
 * container's, and a discriminator property is a property of its own unless the variant declares
 * it as a field.
 */
final class EquivalenceProperties {
  /** What a property name stands for: a field, or the discriminator of a flat union. */
  sealed interface Property {}

  record Field(FieldDescriptor descriptor) implements Property {}

  record Discriminator(String name) implements Property {}

  private final Map<String, Property> byName = new HashMap<>();
  private final FieldDescriptor unwrappedMap;

  private EquivalenceProperties(List<FieldDescriptor> fields, List<String> discriminators, FieldDescriptor unwrappedMap) {
    this.unwrappedMap = unwrappedMap;
    claim(fields, f -> f.getOptions().getExtension(OptionsProto.field).getRestName());
    claim(fields, FieldDescriptor::getJsonName);
    claim(fields, FieldDescriptor::getName);
    discriminators.forEach(name -> byName.putIfAbsent(name, new Discriminator(name)));
  }

  /**
   * The properties of {@code type}. Each discriminated union contributes the variant its
   * discriminator names (the expected side's value, else the actual's); each undiscriminated one
   * the variant in {@code chosen}, if any.
   */
  static EquivalenceProperties of(Descriptor type, JsonObject expected, JsonObject actual,
      Map<OneofDescriptor, FieldDescriptor> chosen) {
    List<FieldDescriptor> fields = new ArrayList<>();
    List<String> discriminators = new ArrayList<>();
    FieldDescriptor unwrappedMap = null;
    for (FieldDescriptor field : type.getFields()) {
      if (field.getOptions().getExtension(OptionsProto.field).getUnwrappedMap()) {
        unwrappedMap = field;
      } else if (!isFlat(field.getRealContainingOneof())) {
        fields.add(field);
      }
    }
    for (OneofDescriptor oneof : type.getRealOneofs()) {
      RestOneof union = oneof.getOptions().getExtension(OptionsProto.oneof);
      FieldDescriptor variant = chosen.get(oneof);
      if (!union.getDiscriminator().isEmpty()) {
        variant = variant(type, union, expected);
        if (variant == null) {
          variant = variant(type, union, actual);
        }
        discriminators.add(union.getDiscriminator());
      }
      if (variant != null && variant.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        fields.addAll(variant.getMessageType().getFields());
      }
    }
    return new EquivalenceProperties(fields, discriminators, unwrappedMap);
  }

  /** The unions of {@code type} that are flat on the REST wire but have no discriminator to name the variant. */
  static List<OneofDescriptor> undiscriminated(Descriptor type) {
    return type.getRealOneofs().stream()
        .filter(o -> isFlat(o) && o.getOptions().getExtension(OptionsProto.oneof).getDiscriminator().isEmpty())
        .toList();
  }

  /**
   * Whether a oneof stands for a JSON Schema union (the converter records its kind), printed as the
   * bare variant rather than proto3 JSON's {"variantName": {...}}.
   */
  private static boolean isFlat(OneofDescriptor oneof) {
    if (oneof == null) {
      return false;
    }
    RestOneof union = oneof.getOptions().getExtension(OptionsProto.oneof);
    return union.getKind() != UnionKind.UNION_KIND_UNSPECIFIED || !union.getDiscriminator().isEmpty();
  }

  /** What {@code name} stands for, or {@code null} when it names nothing in the message. */
  Property find(String name) {
    return byName.get(name);
  }

  /** The map field whose entries sit beside the declared properties, or {@code null}. */
  FieldDescriptor unwrappedMap() {
    return unwrappedMap;
  }

  private void claim(List<FieldDescriptor> fields, Function<FieldDescriptor, String> name) {
    for (FieldDescriptor field : fields) {
      String n = name.apply(field);
      if (!n.isEmpty()) {
        byName.putIfAbsent(n, new Field(field));
      }
    }
  }

  private static FieldDescriptor variant(Descriptor type, RestOneof union, JsonObject object) {
    if (object.members().get(union.getDiscriminator()) instanceof JsonString value) {
      String field = union.getDiscriminatorValuesMap().get(value.value());
      return field == null ? null : type.findFieldByName(field);
    }
    return null;
  }
}
