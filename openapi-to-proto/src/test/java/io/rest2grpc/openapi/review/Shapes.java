package io.rest2grpc.openapi.review;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.RestEnumValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Structural duplicates. Two messages are duplicates when their fields are equal in name, JSON
 * name, type, label, oneof and options, and the messages' own options are equal; field numbers,
 * field order and comments do not count, and messages named …Request or …Response are not
 * counted (nor map entries). Two enums are duplicates when their wire values are equal: each
 * value's REST value (its enum_value option, else its name without the enum's prefix) and number,
 * and the enums' options.
 */
public final class Shapes {
  private Shapes() {}

  /** Of {@code of} types, {@code duplicates} have the shape of an earlier one: the types a merge would remove. */
  public record Count(int duplicates, int of, List<String> examples) {
    public double percent() {
      return of == 0 ? 0 : 100.0 * duplicates / of;
    }
  }

  static boolean counted(Descriptor message) {
    return !message.getOptions().getMapEntry() && !message.getName().endsWith("Request") && !message.getName().endsWith("Response");
  }

  static Count messages(Collection<Descriptor> messages) {
    return count(messages.stream().filter(Shapes::counted).toList(), Shapes::key, m -> local(m.getFullName(), m.getFile().getPackage()));
  }

  static Count enums(Collection<EnumDescriptor> enums) {
    return count(List.copyOf(enums), Shapes::key, e -> local(e.getFullName(), e.getFile().getPackage()));
  }

  private static String local(String fullName, String pkg) {
    return pkg.isEmpty() ? fullName : fullName.substring(pkg.length() + 1);
  }

  private static <T> Count count(List<T> types, Function<T, String> key, Function<T, String> name) {
    Map<String, List<String>> groups = new LinkedHashMap<>();
    types.forEach(t -> groups.computeIfAbsent(key.apply(t), k -> new ArrayList<>()).add(name.apply(t)));
    List<String> examples = new ArrayList<>();
    int duplicates = 0;
    for (List<String> group : groups.values()) {
      duplicates += group.size() - 1;
      if (group.size() > 1) {
        examples.add(String.join(" = ", group.subList(0, Math.min(3, group.size())))
            + (group.size() > 3 ? " (+" + (group.size() - 3) + ")" : ""));
      }
    }
    examples.sort(null);
    return new Count(duplicates, types.size(), examples);
  }

  static String key(Descriptor message) {
    List<String> fields = new ArrayList<>();
    for (FieldDescriptor f : message.getFields()) {
      String oneof = f.getRealContainingOneof() == null ? "" : f.getRealContainingOneof().getName();
      fields.add(String.join("|", f.getName(), f.getJsonName(), label(f), type(f), oneof, f.getOptions().toString()));
    }
    fields.sort(null);
    return message.getOptions() + "\n" + String.join("\n", fields);
  }

  private static String label(FieldDescriptor f) {
    return f.isMapField() ? "map" : f.isRepeated() ? "repeated" : f.hasPresence() && f.getRealContainingOneof() == null ? "optional" : "";
  }

  private static String type(FieldDescriptor f) {
    if (f.isMapField()) {
      Descriptor entry = f.getMessageType();
      return "map<" + type(entry.findFieldByNumber(1)) + "," + type(entry.findFieldByNumber(2)) + ">";
    }
    return switch (f.getJavaType()) {
      case MESSAGE -> f.getMessageType().getFullName();
      case ENUM -> f.getEnumType().getFullName();
      default -> f.getType().name();
    };
  }

  static String key(EnumDescriptor e) {
    String prefix = String.join("_", Words.of(e.getName())).toUpperCase(Locale.ROOT) + "_";
    List<String> values = new ArrayList<>();
    for (EnumValueDescriptor v : e.getValues()) {
      RestEnumValue rest = v.getOptions().getExtension(OptionsProto.enumValue);
      String wire = switch (rest.getValueCase()) {
        case STRING_VALUE -> "\"" + rest.getStringValue() + "\"";
        case INTEGER_VALUE -> Long.toString(rest.getIntegerValue());
        case VALUE_NOT_SET -> v.getName().startsWith(prefix) ? v.getName().substring(prefix.length()) : v.getName();
      };
      values.add(wire + "=" + v.getNumber());
    }
    values.sort(null);
    return e.getOptions() + "\n" + String.join("\n", values);
  }
}
