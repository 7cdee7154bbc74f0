package io.rest2grpc.shadow.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rest2grpc.transcoding.JsonPointer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Arrays whose order means nothing (Bean Validation reports a request's violations in no set order): before two
 * answers are compared, the elements of each such array are put in one order, by their canonical JSON text.
 */
final class UnorderedArrays {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper CANONICAL = JsonMapper.builder().enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

  private UnorderedArrays() {}

  /** {@code json} with the arrays at {@code unordered} sorted; any other text as it is. */
  static String sorted(String json, PathPatterns unordered) {
    if (unordered.patterns().isEmpty()) {
      return json;
    }
    try {
      JsonNode tree = JSON.readTree(json);
      if (tree == null) {
        return json;
      }
      sort(tree, JsonPointer.parse(""), unordered);
      return JSON.writeValueAsString(tree);
    } catch (JsonProcessingException notJson) {
      return json;
    }
  }

  private static void sort(JsonNode node, JsonPointer path, PathPatterns unordered) {
    if (node instanceof ObjectNode object) {
      object.fields().forEachRemaining(field -> sort(field.getValue(), path.child(field.getKey()), unordered));
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        sort(array.get(i), path.child(Integer.toString(i)), unordered);
      }
      if (unordered.names(path)) {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        elements.sort(Comparator.comparing(UnorderedArrays::canonical));
        array.removeAll();
        array.addAll(elements);
      }
    }
  }

  private static String canonical(JsonNode node) {
    try {
      return CANONICAL.writeValueAsString(CANONICAL.treeToValue(node, Object.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
