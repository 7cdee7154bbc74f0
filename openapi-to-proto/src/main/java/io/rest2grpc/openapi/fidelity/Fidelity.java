package io.rest2grpc.openapi.fidelity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.read.SchemaValidator;
import io.rest2grpc.transcoding.equivalence.Comparison;
import io.rest2grpc.transcoding.equivalence.RestJsonEquivalence;
import io.rest2grpc.transcoding.json.RestJson;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures how faithfully the converted protos carry a spec's REST JSON: every example the spec
 * gives is validated against its own schema, parsed by the REST JSON codec into the message its
 * schema became, printed back, and compared with the original under the REST JSON equivalence.
 */
public final class Fidelity {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final RestJson CODEC = RestJson.create();

  private Fidelity() {}

  /**
   * An example that did not make it, and why; {@code limitation} names the documented proto3 limit
   * it runs into, or is null when the failure is not explained by one (a bug to look at).
   */
  public record Failure(String location, String reason, String limitation) {}

  /** The documented limits of carrying REST JSON in proto3 that an example can run into. */
  static final String BEYOND_INT64 = "an integer beyond the int64 range";
  static final String NULL_IN_LIST = "a null inside a list or as a map value";

  /**
   * @param found examples in the spec
   * @param invalid rejected by their own schema (not fixtures)
   * @param notMessages valid, but their schema became no message (a bare array or scalar)
   * @param checked valid examples of a message, parsed and printed back
   * @param roundTripped of those, equal to the original
   */
  public record Result(String spec, int found, int invalid, int notMessages, int checked, int roundTripped,
      List<Failure> failures, List<Failure> invalidExamples) {

    public int valid() {
      return found - invalid;
    }

    /** Round-tripped share of the checked examples, in percent (100 when there are none). */
    public double percent() {
      return checked == 0 ? 100.0 : 100.0 * roundTripped / checked;
    }
  }

  public static Result check(Conversion conversion, Map<String, FileDescriptor> files) {
    Map<String, Descriptor> messages = new HashMap<>();
    files.values().forEach(f -> f.getMessageTypes().forEach(m -> messages.put(m.getFullName(), m)));
    SchemaValidator validator = new SchemaValidator(conversion.source().file(), conversion.specName(), conversion.source().version(),
        conversion.source().document());
    List<Example> examples = ExampleCollector.collect(conversion);
    int invalid = 0;
    int notMessages = 0;
    int checked = 0;
    int roundTripped = 0;
    List<Failure> failures = new ArrayList<>();
    List<Failure> invalidExamples = new ArrayList<>();
    for (Example example : examples) {
      List<String> errors = validator.errors(example.schema(), example.value());
      if (!errors.isEmpty()) {
        invalid++;
        invalidExamples.add(new Failure(example.location().toString(), errors.get(0), null));
        continue;
      }
      Descriptor type = example.message() == null ? null : messages.get(example.message());
      if (type == null) {
        notMessages++;
        continue;
      }
      checked++;
      String reason = roundTrip(type, json(example));
      if (reason == null) {
        roundTripped++;
      } else {
        failures.add(new Failure(example.location().toString(), example.message() + ": " + reason, limitation(example.value())));
      }
    }
    return new Result(conversion.specName(), examples.size(), invalid, notMessages, checked, roundTripped,
        List.copyOf(failures), List.copyOf(invalidExamples));
  }

  /** Null when the example survives parse and print; else what went wrong. */
  private static String roundTrip(Descriptor type, String original) {
    String printed;
    try {
      DynamicMessage.Builder builder = DynamicMessage.newBuilder(type);
      CODEC.parse(original, builder);
      printed = CODEC.print(builder.build());
    } catch (RuntimeException e) {
      return "codec failed: " + e.getMessage();
    }
    Comparison comparison = RestJsonEquivalence.compare(type, original, printed);
    return comparison.equal() ? null : comparison.describe();
  }

  /** Which documented limitation, if any, the example's data runs into. */
  static String limitation(JsonNode value) {
    if (value.isIntegralNumber() && !value.canConvertToLong()) {
      return BEYOND_INT64;
    }
    if (value.isNumber() && !value.isIntegralNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0
        && value.decimalValue().abs().compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return BEYOND_INT64;
    }
    if (value.isContainerNode()) {
      for (JsonNode child : value) {
        if (child.isNull() && value.isArray()) {
          return NULL_IN_LIST;
        }
        String inner = limitation(child);
        if (inner != null) {
          return inner;
        }
      }
    }
    return null;
  }

  private static String json(Example example) {
    try {
      return JSON.writeValueAsString(example.value());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
