package io.rest2grpc.openapi.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.rest2grpc.openapi.check.rest.RestChange;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.lock.Sources;
import io.rest2grpc.openapi.proto.ProtoField;
import io.rest2grpc.openapi.proto.ProtoMessage;
import io.rest2grpc.openapi.proto.ProtoRpc;
import io.rest2grpc.openapi.proto.ProtoService;
import io.rest2grpc.openapi.proto.TypeRef;
import io.rest2grpc.transcoding.JsonPointer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the REST-side changes behind a proto change, through where each proto element came from: a
 * message's schema (with the schemas it merges by {@code allOf} or reaches by {@code $ref}), an RPC's
 * operation, and the operations whose request or response a message is. A REST change is a cause when
 * its pointer lies on the same path of the document as one of those places: inside it (a removed
 * property of the schema) or around it (the removed schema or operation).
 */
final class Causes {
  private final Side before;
  private final Side after;
  private final List<RestChange> rest;

  Causes(Conversion before, Conversion after, List<RestChange> rest) {
    this.before = new Side(before);
    this.after = new Side(after);
    this.rest = rest;
  }

  List<RestChange> of(ProtoChange change) {
    List<RestChange> causes = new ArrayList<>();
    for (RestChange candidate : rest) {
      boolean movedRoutes = candidate.kind() == RestChange.Kind.BASE_PATH_CHANGED && change.kind() == ProtoChange.Kind.HTTP_RULE_CHANGED;
      if (movedRoutes || before.explains(change, candidate.oldPointer()) || after.explains(change, candidate.newPointer())) {
        causes.add(candidate);
      }
    }
    return causes;
  }

  /** One version: where its types and RPCs came from. */
  private static final class Side {
    private final String pkg;
    private final JsonNode document;
    private final Map<String, Set<String>> typeSources = new HashMap<>();
    private final Map<String, Set<String>> operationsOfType = new HashMap<>();
    private final Map<String, String> rpcSources = new HashMap<>();
    private final Map<String, List<String>> rpcsOfService = new HashMap<>();
    private final Map<String, ProtoMessage> messages = new HashMap<>();

    Side(Conversion conversion) {
      pkg = conversion.packageName() + ".";
      document = conversion.source().document();
      conversion.files().forEach(file -> {
        file.messages().forEach(m -> {
          typeSources.put(m.name(), schemas(m.source().pointer()));
          messages.put(m.name(), m);
        });
        file.enums().forEach(e -> typeSources.put(e.name(), schemas(e.source().pointer())));
        for (ProtoService service : file.services()) {
          for (ProtoRpc rpc : service.rpcs()) {
            String operation = rpc.source().pointer();
            rpcSources.put(service.name() + "." + rpc.name(), operation);
            rpcsOfService.computeIfAbsent(service.name(), s -> new ArrayList<>()).add(operation);
            operationsOfType.computeIfAbsent(rpc.requestType(), t -> new LinkedHashSet<>()).add(operation);
            if (rpc.responseType().kind() == TypeRef.Kind.LOCAL) {
              operationsOfType.computeIfAbsent(rpc.responseType().name(), t -> new LinkedHashSet<>()).add(operation);
            }
          }
        }
      });
    }

    boolean explains(ProtoChange change, String pointer) {
      if (pointer == null || !change.element().startsWith(pkg)) {
        return false;
      }
      String element = change.element().substring(pkg.length());
      return switch (change.kind()) {
        case SERVICE_DELETED -> rpcsOfService.getOrDefault(element, List.of()).stream().anyMatch(op -> related(op, pointer));
        case RPC_DELETED, RPC_REQUEST_TYPE_CHANGED, RPC_RESPONSE_TYPE_CHANGED, RPC_STREAMING_CHANGED, HTTP_RULE_CHANGED,
            METHOD_OPTION_CHANGED -> rpcSources.containsKey(element) && related(rpcSources.get(element), pointer);
        case MESSAGE_DELETED, ENUM_DELETED -> type(element, pointer, null);
        case ENUM_VALUE_DELETED, ENUM_VALUE_RENAMED, ENUM_VALUE_OPTION_CHANGED -> type(parent(element), pointer, null);
        case FIELD_TYPE_CHANGED -> field(element, pointer) || fieldType(element).map(t -> type(t, pointer, null)).orElse(false);
        default -> field(element, pointer);
      };
    }

    private boolean field(String element, String pointer) {
      return type(parent(element), pointer, restName(parent(element), element.substring(element.lastIndexOf('.') + 1)));
    }

    /**
     * The message a field is typed by on this side. A field typed by a message shared by several
     * schemas of one shape changes type when that message's schema changes, not its own.
     */
    private Optional<String> fieldType(String element) {
      ProtoMessage m = messages.get(parent(element));
      String field = element.substring(element.lastIndexOf('.') + 1);
      return m == null ? Optional.empty() : m.fields().stream().filter(f -> f.name().equals(field) && f.type().kind() == TypeRef.Kind.LOCAL)
          .findFirst().map(f -> f.type().name());
    }

    /**
     * Whether {@code pointer} is around one of the type's schemas (the schema removed or replaced) or,
     * for a field, around or inside its property; inside the operation, for a type made from one (a
     * request message: its fields come from the parameters and the body); a member of the schema's
     * union added or removed (the fields a union merges into change with it); or around an operation
     * whose request or response the type is.
     */
    private boolean type(String type, String pointer, String property) {
      String topLevel = type.contains(".") ? type.substring(0, type.indexOf('.')) : type;
      for (String schema : typeSources.getOrDefault(topLevel, Set.of())) {
        String place = property == null || type.contains(".") ? schema : JsonPointer.child(schema + "/properties", property);
        if (related(place, pointer) || Sources.isOperation(schema) && isWithin(pointer, schema) || isMember(pointer, schema)) {
          return true;
        }
      }
      return operationsOfType.getOrDefault(topLevel, Set.of()).stream().anyMatch(op -> related(op, pointer));
    }

    private String restName(String message, String field) {
      ProtoMessage m = messages.get(message);
      if (m == null) {
        return field;
      }
      return m.fields().stream().filter(f -> f.name().equals(field)).findFirst().map(ProtoField::restName).orElse(field);
    }

    /** The schema at {@code pointer} and those it reaches by {@code $ref} and {@code allOf}. */
    private Set<String> schemas(String pointer) {
      Set<String> result = new LinkedHashSet<>();
      collect(pointer, result);
      return result;
    }

    private void collect(String pointer, Set<String> result) {
      if (!result.add(pointer) || result.size() > 64) {
        return;
      }
      JsonNode node = document.at(pointer);
      String ref = node.path("$ref").asText("");
      if (ref.startsWith("#/")) {
        collect(JsonPointer.fromUriFragment(ref.substring(1)), result);
      }
      JsonNode allOf = node.path("allOf");
      for (int i = 0; i < allOf.size(); i++) {
        collect(pointer + "/allOf/" + i, result);
      }
    }
  }

  /** {@code schema/anyOf/2}: a member of the schema's oneOf, anyOf or allOf. */
  private static boolean isMember(String pointer, String schema) {
    return pointer.startsWith(schema + "/") && pointer.substring(schema.length()).matches("/(anyOf|oneOf|allOf)/\\d+");
  }

  private static String parent(String element) {
    return element.substring(0, element.lastIndexOf('.'));
  }

  /** One pointer is the other or lies inside it. */
  static boolean related(String a, String b) {
    return isWithin(a, b) || isWithin(b, a);
  }

  private static boolean isWithin(String inner, String outer) {
    return inner.equals(outer) || inner.startsWith(outer + "/");
  }
}
