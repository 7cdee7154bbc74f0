package io.rest2grpc.openapi.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.options.v1.RestError;
import io.rest2grpc.transcoding.options.EffectiveOptions;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What became of a spec's documented error responses: the gRPC codes read back from the compiled
 * options, the responses that got a report row instead, and, counted independently from the
 * document, how many non-success responses it documents.
 */
record ErrorCoverage(Map<String, Integer> byCode, Map<String, Integer> byBodyStyle, int mapped, int reported, int documented,
    boolean countable) {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  static ErrorCoverage of(Conversion conversion, Map<String, FileDescriptor> compiled) {
    Map<String, Integer> byCode = new TreeMap<>();
    Map<String, Integer> byBodyStyle = new TreeMap<>();
    int mapped = 0;
    for (FileDescriptor file : compiled.values()) {
      for (ServiceDescriptor service : file.getServices()) {
        for (MethodDescriptor method : service.getMethods()) {
          for (RestError error : EffectiveOptions.of(method).getErrorsList()) {
            byCode.merge(error.getCode().name(), 1, Integer::sum);
            String style = error.getBody().getStyle().name();
            byBodyStyle.merge(style.substring("ERROR_BODY_STYLE_".length()).toLowerCase(Locale.ROOT), 1, Integer::sum);
            mapped++;
          }
        }
      }
    }
    Map<Category, Integer> counts = conversion.report().countsByCategory();
    int reported = counts.getOrDefault(Category.NON_ERROR_RESPONSE, 0) + counts.getOrDefault(Category.UNREADABLE_RESPONSE_KEY, 0);
    int[] documented = {0};
    boolean countable = count(conversion.source().document(), documented);
    return new ErrorCoverage(byCode, byBodyStyle, mapped, reported, documented[0], countable);
  }

  /**
   * Counts the responses of every operation that are not a success: all keys but 2xx, and
   * "default" only where the operation documents a 2xx. False when an operation lives in another
   * file (a $ref'd path item or operation), which this count does not follow.
   */
  private static boolean count(JsonNode document, int[] documented) {
    boolean countable = true;
    for (Iterator<JsonNode> items = document.path("paths").elements(); items.hasNext(); ) {
      JsonNode item = items.next();
      if (item.has("$ref")) {
        countable = false;
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> ops = item.fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (!METHODS.contains(op.getKey())) {
          continue;
        }
        if (op.getValue().has("$ref")) {
          countable = false;
          continue;
        }
        JsonNode responses = op.getValue().path("responses");
        boolean success = false;
        for (Iterator<String> keys = responses.fieldNames(); keys.hasNext(); ) {
          success |= keys.next().startsWith("2");
        }
        for (Iterator<String> keys = responses.fieldNames(); keys.hasNext(); ) {
          String key = keys.next();
          if (!key.startsWith("2") && !key.startsWith("x-") && (!key.equals("default") || success)) {
            documented[0]++;
          }
        }
      }
    }
    return countable;
  }
}
