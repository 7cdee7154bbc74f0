package io.rest2grpc.openapi.convert.operations;

import io.rest2grpc.openapi.convert.media.MediaTypes;
import io.rest2grpc.openapi.convert.operations.OperationConverter.Op;
import io.rest2grpc.openapi.diagnostics.SourceLocation;
import io.rest2grpc.openapi.convert.schemas.Schemas;
import io.rest2grpc.openapi.lock.Lock;
import io.rest2grpc.openapi.naming.Names;
import io.rest2grpc.openapi.read.Located;
import io.rest2grpc.openapi.read.RefResolver;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.report.Findings;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names RPCs, unique across the package (their request messages share its scope). Precedence, for
 * each operation in document order, the first name not yet taken of:
 *
 * <ol>
 *   <li>the AIP-131..135 standard name, when the REST shape is standard: {@code GET /orders/{id}} →
 *       GetOrder, {@code GET /orders} returning a list → ListOrders, {@code POST /orders} →
 *       CreateOrder (when the spec also reads {@code /orders} or {@code /orders/{id}}),
 *       {@code PATCH /orders/{id}} → UpdateOrder ({@code PUT} too, or ReplaceOrder when
 *       the path also has a PATCH), {@code DELETE /orders/{id}} → DeleteOrder;
 *   <li>the same with its parent collections: {@code GET /users/{id}/orders} → ListUserOrders;
 *   <li>the operationId in PascalCase;
 *   <li>method and path: {@code GET /v2/apps/{app_id}} → GetV2AppsAppId;
 *   <li>the last of these with a numeric suffix.
 * </ol>
 *
 * An operation the lock file names keeps that name, whatever these rules now say.
 */
final class RpcNames {
  private final RefResolver refs;
  private final Set<String> taken = new HashSet<>();
  private final Set<String> patchedPaths = new HashSet<>();
  private final Set<String> readablePaths = new HashSet<>();

  private final Map<Op, Lock.RpcLock> locked;

  /** @param locked the operations a lock names: they keep their names, which no other operation takes */
  RpcNames(List<Op> ops, RefResolver refs, Map<Op, Lock.RpcLock> locked) {
    this.refs = refs;
    this.locked = locked;
    locked.values().forEach(rpc -> taken.add(rpc.name()));
    for (Op op : ops) {
      if (op.method().equals("patch")) {
        patchedPaths.add(op.path());
      }
      if (op.method().equals("get")) {
        readablePaths.add(op.path());
        int slash = op.path().lastIndexOf('/');
        if (slash > 0 && op.path().startsWith("/{", slash)) {
          readablePaths.add(op.path().substring(0, slash));  // GET /orders/{id} reads the collection /orders
        }
      }
    }
  }

  /**
   * A POST creates only where the path is a collection the spec also reads: a GET on it, or an item
   * path below it ({@code /orders/{id}}). Otherwise {@code POST /runs/{id}/submit_tool_outputs}
   * would read as CreateSubmitToolOutput.
   */
  private boolean isReadCollection(String path) {
    return readablePaths.contains(path);
  }

  String nameOf(Op op, Findings report) {
    if (locked.containsKey(op)) {
      return locked.get(op).name();
    }
    List<String> candidates = new ArrayList<>();
    String standard = standardName(op, false);
    if (standard != null) {
      candidates.add(standard);
      candidates.add(standardName(op, true));
    }
    String operationId = op.operation().getOperationId();
    if (operationId != null && !Names.words(operationId).isEmpty()) {
      candidates.add(Names.pascal(operationId, "Rpc"));
    }
    candidates.add(Names.pascal(op.method() + " " + op.path().replaceAll("[{}]", " "), "Rpc"));
    for (String candidate : candidates) {
      if (taken.add(candidate)) {
        if (candidate.equals(standard) && operationId != null && !candidate.equals(Names.pascal(operationId, ""))) {
          report.info(Category.STANDARD_METHOD_NAME, op.location(), "", "operationId '" + operationId + "' → standard method " + candidate);
        }
        return candidate;
      }
    }
    String last = candidates.get(candidates.size() - 1);
    for (int n = 2; ; n++) {
      if (taken.add(last + n)) {
        report.info(Category.NAME_COLLISION, op.location(), "", "RPC name " + last + " taken; named " + last + n);
        return last + n;
      }
    }
  }

  private String standardName(Op op, boolean withParents) {
    List<String> segments = new ArrayList<>();
    for (String s : op.path().split("/")) {
      if (!s.isEmpty()) {
        segments.add(s);
      }
    }
    if (segments.isEmpty()) {
      return null;
    }
    String last = segments.get(segments.size() - 1);
    boolean item = isVariable(last);
    int collectionIndex = item ? segments.size() - 2 : segments.size() - 1;
    if (collectionIndex < 0 || !Names.isCollection(segments.get(collectionIndex))) {
      return null;
    }
    String collection = segments.get(collectionIndex);
    String verb = switch (op.method()) {
      case "get" -> item ? "Get" : returnsList(op) ? "List" : null;
      case "post" -> item || !isReadCollection(op.path()) ? null : "Create";
      case "patch" -> item ? "Update" : null;
      case "put" -> item ? (patchedPaths.contains(op.path()) ? "Replace" : "Update") : null;
      case "delete" -> item ? "Delete" : null;
      default -> null;
    };
    if (verb == null) {
      return null;
    }
    String noun = verb.equals("List") ? collection : Names.singular(collection);
    StringBuilder name = new StringBuilder(verb);
    if (withParents) {
      for (int i = 0; i + 1 < collectionIndex; i++) {
        if (Names.isCollection(segments.get(i)) && isVariable(segments.get(i + 1))) {
          name.append(Names.pascal(Names.singular(segments.get(i)), ""));
        }
      }
    }
    return name.append(Names.pascal(noun, "")).toString();
  }

  private static boolean isVariable(String segment) {
    return segment.startsWith("{") && segment.endsWith("}") && segment.indexOf('}') == segment.length() - 1;
  }

  /** A list endpoint returns an array, or an object one of whose properties is an array. */
  @SuppressWarnings("unchecked")
  private boolean returnsList(Op op) {
    if (op.operation().getResponses() == null) {
      return false;
    }
    for (Map.Entry<String, ApiResponse> e : op.operation().getResponses().entrySet()) {
      if (!e.getKey().startsWith("2")) {
        continue;
      }
      Located<ApiResponse> response = refs.response(e.getValue(), op.location().child("responses").child(e.getKey()));
      Map.Entry<String, MediaType> media = MediaTypes.jsonMedia(response.value() == null ? null : response.value().getContent());
      if (media == null || media.getValue().getSchema() == null) {
        continue;
      }
      SourceLocation at = response.location().child("content").child(media.getKey()).child("schema");
      Located<Schema> schema = refs.schema(media.getValue().getSchema(), at);
      if (Schemas.types(schema.value()).contains("array")) {
        return true;
      }
      if (schema.value().getProperties() != null) {
        for (Map.Entry<String, Schema> property : ((Map<String, Schema>) schema.value().getProperties()).entrySet()) {
          Located<Schema> p = refs.schema(property.getValue(), schema.location().child("properties").child(property.getKey()));
          if (Schemas.types(p.value()).contains("array")) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
