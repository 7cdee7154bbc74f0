package io.rest2grpc.transcoding.errors;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.rest2grpc.transcoding.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a body rebuilt from a Status lacks to equal the body that was sent: the members whose value
 * differs or is missing ({@code members}; objects recursively, arrays and scalars whole) and the
 * pointers of members only the rebuild has ({@code absent}).
 */
record Residual(Struct members, List<String> absent) {
  Residual {
    absent = List.copyOf(absent);
  }

  static Residual between(Struct sent, Struct rebuilt) {
    List<String> absent = new ArrayList<>();
    Struct members = diff(sent, rebuilt, JsonPointer.ROOT, absent);
    return new Residual(members, absent);
  }

  private static Struct diff(Struct sent, Struct rebuilt, JsonPointer at, List<String> absent) {
    Struct.Builder differing = Struct.newBuilder();
    sent.getFieldsMap().forEach((name, value) -> {
      Value other = rebuilt.getFieldsMap().get(name);
      if (other != null && value.hasStructValue() && other.hasStructValue()) {
        Struct nested = diff(value.getStructValue(), other.getStructValue(), at.child(name), absent);
        if (nested.getFieldsCount() > 0) {
          differing.putFields(name, Value.newBuilder().setStructValue(nested).build());
        }
      } else if (!value.equals(other)) {
        differing.putFields(name, value);
      }
    });
    rebuilt.getFieldsMap().keySet().stream()
        .filter(name -> !sent.containsFields(name))
        .forEach(name -> absent.add(at.child(name).toString()));
    return differing.build();
  }

  /** The sent body, from its rebuild: the members merged in (recursively, theirs win), the absent removed. */
  Struct applyTo(Struct rebuilt) {
    Value body = Value.newBuilder().setStructValue(merge(rebuilt, members)).build();
    for (String pointer : absent) {
      body = ValuePointers.without(JsonPointer.parse(pointer), body);
    }
    return body.getStructValue();
  }

  private static Struct merge(Struct base, Struct over) {
    Struct.Builder merged = base.toBuilder();
    for (Map.Entry<String, Value> member : over.getFieldsMap().entrySet()) {
      Value mine = base.getFieldsMap().get(member.getKey());
      Value theirs = member.getValue();
      merged.putFields(member.getKey(), mine != null && mine.hasStructValue() && theirs.hasStructValue()
          ? Value.newBuilder().setStructValue(merge(mine.getStructValue(), theirs.getStructValue())).build()
          : theirs);
    }
    return merged.build();
  }
}
