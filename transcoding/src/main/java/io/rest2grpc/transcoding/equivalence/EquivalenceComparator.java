package io.rest2grpc.transcoding.equivalence;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import io.rest2grpc.options.v1.Emission;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.Wrapper;
import io.rest2grpc.transcoding.equivalence.EquivalenceJson.JsonArray;
import io.rest2grpc.transcoding.equivalence.EquivalenceJson.JsonNull;
import io.rest2grpc.transcoding.equivalence.EquivalenceJson.JsonObject;
import io.rest2grpc.transcoding.equivalence.EquivalenceProperties.Field;
import io.rest2grpc.transcoding.equivalence.EquivalenceProperties.Property;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * The descriptor-driven walk over two parsed documents: messages, their properties, fields with
 * their presence rules, and repeated, map and scalar values. Findings go to one report.
 */
final class EquivalenceComparator {
  private final EquivalenceReport report;

  EquivalenceComparator(EquivalenceReport report) {
    this.report = report;
  }

  /** Two present values of message {@code type}. */
  void message(Descriptor type, String pointer, EquivalenceJson expected, EquivalenceJson actual) {
    switch (type.getFullName()) {
      case "google.protobuf.Struct", "google.protobuf.Value", "google.protobuf.ListValue", "google.protobuf.Any",
          "google.protobuf.Empty", "google.protobuf.FieldMask" ->
          EquivalenceSchemaless.compare(report, pointer, expected, actual);
      case "google.protobuf.Timestamp" -> scalar(pointer, expected, actual, EquivalenceScalars::isString, EquivalenceScalars::instants);
      case "google.protobuf.Duration" -> scalar(pointer, expected, actual, EquivalenceScalars::isString, EquivalenceScalars::durations);
      case "google.protobuf.DoubleValue", "google.protobuf.FloatValue", "google.protobuf.Int64Value",
          "google.protobuf.UInt64Value", "google.protobuf.Int32Value", "google.protobuf.UInt32Value",
          "google.protobuf.BoolValue", "google.protobuf.StringValue", "google.protobuf.BytesValue" ->
          single(type.findFieldByName("value"), pointer, expected, actual);
      default -> {
        List<OneofDescriptor> unions = EquivalenceProperties.undiscriminated(type);
        if (unions.size() == 1 && unions.get(0).getFieldCount() == type.getFields().size()) {
          // a message that is only a union is printed as the bare variant: a string, an array, an object…
          FieldDescriptor variant = bestVariant(unions.get(0).getFields(),
              (comparator, v) -> comparator.single(v, pointer, expected, actual));
          single(variant, pointer, expected, actual);
        } else if (type.getOptions().getExtension(OptionsProto.message).getWrapper() != Wrapper.WRAPPER_UNSPECIFIED) {
          present(type.getFields().get(0), pointer, expected, actual); // printed as its one collection
        } else if (expected instanceof JsonObject e && actual instanceof JsonObject a) {
          object(type, pointer, e, a);
        } else {
          if (!isObjectOrNull(expected) || !isObjectOrNull(actual)) {
            report.unreadable(pointer);
          }
          EquivalenceSchemaless.compare(report, pointer, expected, actual);
        }
      }
    }
  }

  /** One field's property, where {@code null} means the property is absent. */
  private void field(FieldDescriptor field, String pointer, EquivalenceJson expected, EquivalenceJson actual) {
    if (expected == null && actual == null) {
      return;
    }
    if (expected != null && actual != null) {
      present(field, pointer, expected, actual);
      return;
    }
    String reason = expected == null ? "unexpected property" : "missing property";
    if (EquivalenceDefaults.emission(field) == Emission.EMISSION_ALWAYS) {
      report.differ(pointer, expected, actual, reason + "; emission is ALWAYS");
    } else if (!isEmpty(field, expected == null ? actual : expected)) {
      report.differ(pointer, expected, actual, reason);
    }
  }

  private void object(Descriptor type, String pointer, JsonObject expected, JsonObject actual) {
    Map<OneofDescriptor, FieldDescriptor> chosen = new HashMap<>();
    for (OneofDescriptor union : EquivalenceProperties.undiscriminated(type)) {
      chosen.put(union, bestVariant(union.getFields(), (comparator, variant) -> {
        Map<OneofDescriptor, FieldDescriptor> trial = new HashMap<>(chosen);
        trial.put(union, variant);
        comparator.properties(EquivalenceProperties.of(type, expected, actual, trial), pointer, expected, actual);
      }));
    }
    properties(EquivalenceProperties.of(type, expected, actual, chosen), pointer, expected, actual);
  }

  /**
   * The variant of an undiscriminated union that reads the documents best: fewest properties it
   * does not know and values it cannot hold, then fewest differences; ties go to the first
   * declared.
   */
  private static FieldDescriptor bestVariant(List<FieldDescriptor> variants,
      BiConsumer<EquivalenceComparator, FieldDescriptor> trial) {
    FieldDescriptor best = null;
    EquivalenceReport bestReport = null;
    for (FieldDescriptor variant : variants) {
      EquivalenceReport scratch = new EquivalenceReport();
      trial.accept(new EquivalenceComparator(scratch), variant);
      if (bestReport == null || scratch.misfits() < bestReport.misfits()
          || scratch.misfits() == bestReport.misfits() && scratch.differenceCount() < bestReport.differenceCount()) {
        best = variant;
        bestReport = scratch;
      }
    }
    return best;
  }

  private void properties(EquivalenceProperties properties, String pointer, JsonObject expected, JsonObject actual) {
    Map<String, EquivalenceJson> expectedExtras = new LinkedHashMap<>();
    Map<String, EquivalenceJson> actualExtras = new LinkedHashMap<>();
    Map<Property, Named> e = group(properties, pointer, expected, expectedExtras);
    Map<Property, Named> a = group(properties, pointer, actual, actualExtras);
    Set<Property> all = new LinkedHashSet<>(e.keySet());
    all.addAll(a.keySet());
    for (Property property : all) {
      Named x = e.get(property);
      Named y = a.get(property);
      String at = EquivalenceReport.child(pointer, (x != null ? x : y).name());
      EquivalenceJson ex = x == null ? null : x.value();
      EquivalenceJson ac = y == null ? null : y.value();
      if (property instanceof Field f) {
        field(f.descriptor(), at, ex, ac);
      } else if (ex == null || ac == null) {
        report.differ(at, ex, ac, ex == null ? "unexpected property" : "missing property"); // a discriminator
      } else {
        EquivalenceSchemaless.compare(report, at, ex, ac);
      }
    }
    FieldDescriptor extras = properties.unwrappedMap();
    if (extras != null) {
      FieldDescriptor value = extras.getMessageType().findFieldByName("value");
      EquivalenceSchemaless.compareMembers(report, pointer, expectedExtras, actualExtras,
          (p, x, y) -> single(value, p, x, y));
    }
  }

  private record Named(String name, EquivalenceJson value) {}

  /**
   * The object's properties by what they stand for. Names the message does not know go to
   * {@code extras} when it has an unwrapped map, else are counted as ignored; so is a second name
   * for a field already seen (both "totalCents" and "total_cents").
   */
  private Map<Property, Named> group(EquivalenceProperties properties, String pointer, JsonObject object,
      Map<String, EquivalenceJson> extras) {
    Map<Property, Named> grouped = new LinkedHashMap<>();
    object.members().forEach((name, value) -> {
      Property property = properties.find(name);
      if (property == null && properties.unwrappedMap() != null) {
        extras.put(name, value);
      } else if (property == null || grouped.putIfAbsent(property, new Named(name, value)) != null) {
        report.unknownProperty(EquivalenceReport.child(pointer, name));
      }
    });
    return grouped;
  }

  /** Two present values of a field, either of them possibly JSON null. */
  private void present(FieldDescriptor field, String pointer, EquivalenceJson expected, EquivalenceJson actual) {
    if ((expected == JsonNull.NULL) != (actual == JsonNull.NULL)) {
      // null means unset, unless the field is nullable: then it is a value of its own
      EquivalenceJson other = expected == JsonNull.NULL ? actual : expected;
      boolean nullable = field.getOptions().getExtension(OptionsProto.field).getNullable();
      if (nullable || !isDefault(field, other)) {
        report.differ(pointer, expected, actual, EquivalenceSchemaless.scalarDifference(expected, actual));
      }
    } else if (field.isMapField() && expected instanceof JsonObject e && actual instanceof JsonObject a) {
      FieldDescriptor value = field.getMessageType().findFieldByName("value");
      EquivalenceSchemaless.compareMembers(report, pointer, e.members(), a.members(), (p, x, y) -> single(value, p, x, y));
    } else if (field.isRepeated() && !field.isMapField() && expected instanceof JsonArray e && actual instanceof JsonArray a) {
      EquivalenceSchemaless.compareElements(report, pointer, e.elements(), a.elements(), (p, x, y) -> single(field, p, x, y));
    } else if (field.isRepeated()) {
      report.unreadable(pointer); // not the collection it should be
      EquivalenceSchemaless.compare(report, pointer, expected, actual);
    } else {
      single(field, pointer, expected, actual);
    }
  }

  /** One value of a field: the field itself, one element of a repeated field, or one map value. */
  private void single(FieldDescriptor field, String pointer, EquivalenceJson expected, EquivalenceJson actual) {
    if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
      message(field.getMessageType(), pointer, expected, actual);
    } else {
      scalar(pointer, expected, actual, v -> EquivalenceScalars.readable(field, v),
          (e, a) -> EquivalenceScalars.difference(field, e, a));
    }
  }

  /** Applies a scalar rule; an object or array where a scalar belongs gets plain JSON comparison. */
  private void scalar(String pointer, EquivalenceJson expected, EquivalenceJson actual,
      Predicate<EquivalenceJson> readable, BiFunction<EquivalenceJson, EquivalenceJson, String> rule) {
    if (!readable.test(expected) || !readable.test(actual)) {
      report.unreadable(pointer);
    }
    if (isContainer(expected) || isContainer(actual)) {
      EquivalenceSchemaless.compare(report, pointer, expected, actual);
      return;
    }
    String reason = rule.apply(expected, actual);
    if (reason != null) {
      report.differ(pointer, expected, actual, reason);
    }
  }

  private static boolean isContainer(EquivalenceJson value) {
    return value instanceof JsonObject || value instanceof JsonArray;
  }

  private static boolean isObjectOrNull(EquivalenceJson value) {
    return value instanceof JsonObject || value == JsonNull.NULL;
  }

  private boolean isEmpty(FieldDescriptor field, EquivalenceJson value) {
    return value == JsonNull.NULL || isDefault(field, value);
  }

  private static boolean isDefault(FieldDescriptor field, EquivalenceJson value) {
    for (EquivalenceJson fallback : EquivalenceDefaults.of(field)) {
      EquivalenceReport scratch = new EquivalenceReport();
      new EquivalenceComparator(scratch).present(field, "", fallback, value);
      if (scratch.differenceCount() == 0) {
        return true;
      }
    }
    return false;
  }
}
