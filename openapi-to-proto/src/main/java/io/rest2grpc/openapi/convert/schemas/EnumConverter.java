package io.rest2grpc.openapi.convert.schemas;

import io.rest2grpc.openapi.naming.Names;
import io.rest2grpc.openapi.proto.JsonValue;
import io.rest2grpc.openapi.proto.ProtoEnum;
import io.rest2grpc.openapi.proto.Reserved;
import io.rest2grpc.options.v1.RestEnum;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values of a proto enum made from a JSON Schema {@code enum} or a {@code oneOf} of constants:
 * {@code <ENUM>_UNSPECIFIED = 0}, then each value, prefixed, named from its title,
 * {@code x-enum-varnames} (or {@code x-enumNames}) or, for integers, a {@code <number> - <label>}
 * list in the description, else from the value itself ({@code EMPTY} for the empty string,
 * {@code WILDCARD} for {@code *}, {@code VALUE_<n>} for a number nothing names). Each value keeps
 * its REST value, and an integer enum is marked so the codec writes numbers; when the REST API
 * never sends 0 and every value is a positive int32, the proto numbers are the REST numbers, else
 * the values are numbered 1, 2, 3 in spec order.
 */
final class EnumConverter {
  private final TypeStore store;

  EnumConverter(TypeStore store) {
    this.store = store;
  }

  ProtoEnum convert(String name, Normalized n, List<Schema<?>> constants) {
    Schema<?> s = n.schema();
    List<Object> values = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    if (!constants.isEmpty()) {
      for (Schema<?> member : constants) {
        values.add(member.getConst() != null ? member.getConst() : member.getEnum().get(0));
        labels.add(member.getTitle());
      }
    } else {
      values.addAll(Scalars.enumValues(s));
      List<?> varNames = varNames(s);
      for (int i = 0; i < values.size(); i++) {
        labels.add(varNames != null && i < varNames.size() ? String.valueOf(varNames.get(i)) : null);
      }
    }
    boolean integral = values.stream().allMatch(Scalars::isIntegral);
    if (integral) {
      Map<Long, String> described = EnumLabels.of(n.description(), values);
      for (int i = 0; i < values.size(); i++) {
        if (labels.get(i) == null) {
          labels.set(i, described.get(longValue(values.get(i))));
        }
      }
    }
    boolean restNumbers = integral && restNumbersFit(values);
    String prefix = Names.enumValuePrefix(name);
    List<ProtoEnum.Value> protoValues = new ArrayList<>();
    protoValues.add(new ProtoEnum.Value(store.enumValueNames().reserve(prefix + "UNSPECIFIED"), 0, null));
    // protoc also rejects two values that differ only in case and underscores once the prefix is stripped
    Set<String> folded = new HashSet<>(Set.of("UNSPECIFIED"));
    for (int i = 0; i < values.size(); i++) {
      Object value = values.get(i);
      String label = labels.get(i);
      if (label == null) {
        label = integral ? "value " + value.toString().replace("-", "minus ")
            : "".equals(value) ? "empty" : "*".equals(value) ? "wildcard" : String.valueOf(value).replace("+", " plus ");
      }
      String suffix = Names.upperSnake(label);
      if (suffix.isEmpty()) {
        suffix = "VALUE_" + (i + 1);
      }
      String unique = suffix;
      for (int k = 2; !folded.add(unique.replace("_", "")); k++) {
        unique = suffix + "_" + k;
      }
      String valueName = store.enumValueNames().reserve(prefix + unique);
      protoValues.add(new ProtoEnum.Value(valueName, restNumbers ? (int) longValue(value) : i + 1, JsonValue.of(value)));
    }
    return new ProtoEnum(name, n.description(), List.copyOf(protoValues), Boolean.TRUE.equals(s.getDeprecated()), n.location(),
        Reserved.NONE, RestEnum.newBuilder().setIntegerValues(integral).build());
  }

  /** Whether the REST integers can be the proto numbers: all positive int32 (0 is _UNSPECIFIED's), all distinct. */
  private static boolean restNumbersFit(List<Object> values) {
    Set<Long> numbers = new HashSet<>();
    for (Object value : values) {
      long number = longValue(value);
      if (number < 1 || number > Integer.MAX_VALUE || !numbers.add(number)) {
        return false;
      }
    }
    return true;
  }

  private static long longValue(Object integral) {
    return new BigDecimal(integral.toString()).longValue();
  }

  private static List<?> varNames(Schema<?> s) {
    if (s.getExtensions() == null) {
      return null;
    }
    for (String key : List.of("x-enum-varnames", "x-enumNames", "x-enum-names")) {
      if (s.getExtensions().get(key) instanceof List<?> names) {
        return names;
      }
    }
    return null;
  }
}
