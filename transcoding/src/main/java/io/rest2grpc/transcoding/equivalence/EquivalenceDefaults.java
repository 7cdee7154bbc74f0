package io.rest2grpc.transcoding.equivalence;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Value;
import io.rest2grpc.options.v1.Emission;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.RestField;
import io.rest2grpc.transcoding.equivalence.EquivalenceJson.JsonArray;
import io.rest2grpc.transcoding.equivalence.EquivalenceJson.JsonBoolean;
import io.rest2grpc.transcoding.equivalence.EquivalenceJson.JsonNull;
import io.rest2grpc.transcoding.equivalence.EquivalenceJson.JsonNumber;
import io.rest2grpc.transcoding.equivalence.EquivalenceJson.JsonObject;
import io.rest2grpc.transcoding.equivalence.EquivalenceJson.JsonString;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a field's absence may stand for: its emission policy, and the values an absent field has. */
final class EquivalenceDefaults {
  private EquivalenceDefaults() {}

  /** The field's emission, else its file's, else {@link Emission#EMISSION_PRESENT}. */
  static Emission emission(FieldDescriptor field) {
    Emission emission = field.getOptions().getExtension(OptionsProto.field).getEmission();
    if (emission == Emission.EMISSION_UNSPECIFIED) {
      emission = field.getFile().getOptions().getExtension(OptionsProto.file).getEmission();
    }
    return emission == Emission.EMISSION_UNSPECIFIED ? Emission.EMISSION_PRESENT : emission;
  }

  /**
   * The proto default ({@code 0}, {@code ""}, {@code false}, {@code []}, {@code {}}, the enum's zero;
   * none for a message) and the RestField.default_value, as JSON. A null default_value is left
   * out: null is equivalent to absence anyway.
   */
  static List<EquivalenceJson> of(FieldDescriptor field) {
    List<EquivalenceJson> defaults = new ArrayList<>(2);
    EquivalenceJson proto = protoDefault(field);
    if (proto != null) {
      defaults.add(proto);
    }
    RestField options = field.getOptions().getExtension(OptionsProto.field);
    if (options.hasDefaultValue()) {
      EquivalenceJson rest = json(options.getDefaultValue());
      if (rest != null && rest != JsonNull.NULL) {
        defaults.add(rest);
      }
    }
    return defaults;
  }

  private static EquivalenceJson protoDefault(FieldDescriptor field) {
    if (field.isMapField()) {
      return new JsonObject(Map.of());
    }
    if (field.isRepeated()) {
      return new JsonArray(List.of());
    }
    return switch (field.getJavaType()) {
      case MESSAGE -> null;
      case ENUM -> new JsonString(field.getEnumType().findValueByNumber(0).getName());
      case BOOLEAN -> new JsonBoolean(false);
      case STRING, BYTE_STRING -> new JsonString("");
      case INT, LONG, FLOAT, DOUBLE -> new JsonNumber("0");
    };
  }

  /** A google.protobuf.Value as JSON; {@code null} for a number JSON cannot hold (NaN, infinities). */
  private static EquivalenceJson json(Value value) {
    return switch (value.getKindCase()) {
      case NULL_VALUE, KIND_NOT_SET -> JsonNull.NULL;
      case NUMBER_VALUE -> Double.isFinite(value.getNumberValue())
          ? new JsonNumber(BigDecimal.valueOf(value.getNumberValue()).stripTrailingZeros().toPlainString())
          : null;
      case STRING_VALUE -> new JsonString(value.getStringValue());
      case BOOL_VALUE -> new JsonBoolean(value.getBoolValue());
      case STRUCT_VALUE -> {
        Map<String, EquivalenceJson> members = new LinkedHashMap<>();
        value.getStructValue().getFieldsMap().forEach((k, v) -> members.put(k, json(v)));
        yield members.containsValue(null) ? null : new JsonObject(members);
      }
      case LIST_VALUE -> {
        List<EquivalenceJson> elements = new ArrayList<>();
        value.getListValue().getValuesList().forEach(v -> elements.add(json(v)));
        yield elements.contains(null) ? null : new JsonArray(elements);
      }
    };
  }
}
