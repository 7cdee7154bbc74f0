package io.rest2grpc.openapi.convert.schemas;

import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.proto.ProtoField.Cardinality;
import io.rest2grpc.openapi.proto.TypeRef;
import io.rest2grpc.options.v1.RestMessage;
import io.rest2grpc.options.v1.Wrapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The messages that carry a collection where proto3 cannot put one (in another collection, in a
 * oneof, as a message of its own): {@code ArrayOfDouble { repeated double values = 1; }},
 * {@code MapOfX}; one per element type, named by its content.
 */
final class Wrappers {
  private final TypeStore store;
  private final Map<String, TypeRef> byName = new HashMap<>();

  Wrappers(TypeStore store) {
    this.store = store;
  }

  /** The wrapper of the repeated or map shape {@code inner}, first made at {@code location}. */
  TypeRef of(Shape inner, SourceLocation location) {
    String wanted = (inner.cardinality() == Cardinality.MAP ? "MapOf" : "ArrayOf") + simpleName(inner.type());
    TypeRef known = byName.get(wanted);
    if (known != null) {
      return known;
    }
    String name = store.reserveByContent(wanted);
    store.claim(name);
    TypeRef ref = TypeRef.local(name);
    byName.put(wanted, ref);
    MessageBuilder message = new MessageBuilder(name, location)
        .options(RestMessage.newBuilder().setWrapper(inner.cardinality() == Cardinality.MAP ? Wrapper.WRAPPER_MAP : Wrapper.WRAPPER_ARRAY)
            .build())
        .comment("Carries a nested " + (inner.cardinality() == Cardinality.MAP ? "map" : "array")
            + "; on the REST wire it is the bare JSON " + (inner.cardinality() == Cardinality.MAP ? "object." : "array."));
    message.add(location, message.fieldName("values"), inner.type(), inner.cardinality(), null, null, List.of(), false, null);
    store.add(message.build());
    return ref;
  }

  private static String simpleName(TypeRef type) {
    String name = type.name();
    String simple = name.substring(name.lastIndexOf('.') + 1);
    return Character.toUpperCase(simple.charAt(0)) + simple.substring(1);
  }
}
