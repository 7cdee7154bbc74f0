package io.rest2grpc.shadow.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rest2grpc.transcoding.JsonPointer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shape of a JSON document: each path, array positions folded into {@code *}, with its JSON type. Two answers of a
 * traffic-dependent read (an audit trail, read by REST and gRPC at different moments) agree when their shapes do:
 * the same fields with the same types, whatever the values and however many elements.
 */
final class JsonShape {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonShape() {}

  /** The paths whose type differs, or that one side has and the other lacks; empty: the same shape. */
  static List<Mismatch> differences(String rest, String grpc) {
    Map<String, String> restShape = shape(rest);
    Map<String, String> grpcShape = shape(grpc);
    List<Mismatch> mismatches = new ArrayList<>();
    TreeMap<String, String> all = new TreeMap<>(restShape);
    grpcShape.forEach(all::putIfAbsent);
    all.keySet().forEach(path -> {
      String restType = restShape.getOrDefault(path, "(absent)");
      String grpcType = grpcShape.getOrDefault(path, "(absent)");
      if (!restType.equals(grpcType)) {
        mismatches.add(new Mismatch(Mismatch.Kind.BODY, path, restType, grpcType));
      }
    });
    return mismatches;
  }

  private static Map<String, String> shape(String json) {
    Map<String, String> shape = new TreeMap<>();
    try {
      walk(JSON.readTree(json), JsonPointer.parse(""), shape);
    } catch (JsonProcessingException notJson) {
      shape.put("", "text that is no JSON");
    }
    return shape;
  }

  private static void walk(JsonNode node, JsonPointer path, Map<String, String> shape) {
    if (node == null || node.isMissingNode() || node.isNull()) { // null and absent are one, as in the REST JSON equivalence
      return;
    }
    shape.put(path.toString(), node.getNodeType().name().toLowerCase(Locale.ROOT));
    if (node.isObject()) {
      node.fields().forEachRemaining(field -> walk(field.getValue(), path.child(field.getKey()), shape));
    } else if (node.isArray()) {
      node.forEach(element -> walk(element, path.child("*"), shape));
    }
  }
}
