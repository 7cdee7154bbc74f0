package io.rest2grpc.transcoding.errors;

import com.google.protobuf.Value;
import com.google.rpc.BadRequest.FieldViolation;
import io.rest2grpc.transcoding.JsonPointer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an error body says, read at the pointers of its {@link ErrorBodyLayout}: the values that
 * become {@code Status.message} and the standard details.
 *
 * @param reason the reason as sent, before normalization
 * @param metadata ErrorInfo.metadata: the reason as sent under {@link ErrorBodyLayout#reasonKey},
 *     then every scalar member of the error object under its lowerCamelCase name
 */
record ErrorFacts(Optional<String> message, Optional<String> reason, Map<String, String> metadata,
    List<FieldViolation> violations, Optional<String> helpUrl, Optional<String> requestId, Optional<Duration> retryDelay) {
  static final ErrorFacts NONE = text(Optional.empty());

  ErrorFacts {
    metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    violations = List.copyOf(violations);
  }

  /** A body that is not a JSON object: a plain-text body is the message, nothing else is read. */
  static ErrorFacts text(Optional<String> text) {
    return new ErrorFacts(text, Optional.empty(), Map.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Reads a JSON object body. When the tree does not hold the body exactly ({@code exactNumbers}
   * false: a number beyond a double's precision), numbers are not read, so no rounded value
   * reaches the Status; the body travels as bytes anyway.
   */
  static ErrorFacts read(ErrorBodyLayout layout, Value body, boolean exactNumbers) {
    Reader reader = new Reader(exactNumbers);
    Optional<String> reason = reader.scalar(layout.reason, body);
    Map<String, String> metadata = new LinkedHashMap<>();
    reason.ifPresent(value -> layout.reasonKey.ifPresent(key -> metadata.put(key, value)));
    ValuePointers.find(layout.errorObject, body).filter(Value::hasStructValue).ifPresent(error ->
        error.getStructValue().getFieldsMap().forEach((name, value) -> {
          if (reader.isScalar(value)) {
            ErrorReasons.metadataKey(name).ifPresent(key -> metadata.putIfAbsent(key, JsonBodies.text(value)));
          }
        }));
    return new ErrorFacts(reader.scalar(layout.message, body), reason, metadata, reader.violations(layout, body),
        reader.scalar(layout.helpUrl, body), reader.scalar(layout.requestId, body), reader.seconds(layout.retryDelay, body));
  }

  private record Reader(boolean exactNumbers) {
    /** One violation per object element of the array; an element with neither a field nor a description is skipped. */
    List<FieldViolation> violations(ErrorBodyLayout layout, Value body) {
      List<FieldViolation> violations = new ArrayList<>();
      layout.violations.flatMap(p -> ValuePointers.find(p, body)).filter(Value::hasListValue).ifPresent(list -> {
        for (Value element : list.getListValue().getValuesList()) {
          Optional<String> field = scalar(layout.violationField, element);
          Optional<String> description = scalar(layout.violationDescription, element);
          if (element.hasStructValue() && (field.isPresent() || description.isPresent())) {
            violations.add(FieldViolation.newBuilder().setField(field.orElse("")).setDescription(description.orElse("")).build());
          }
        }
      });
      return violations;
    }

    /** A delay in seconds, as a JSON number or a numeric string; negative or unreadable values are ignored. */
    Optional<Duration> seconds(Optional<JsonPointer> pointer, Value body) {
      return scalar(pointer, body).flatMap(text -> {
        try {
          BigDecimal seconds = new BigDecimal(text.strip());
          if (seconds.signum() < 0) {
            return Optional.empty();
          }
          return Optional.of(RetryAfter.clamp(seconds));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      });
    }

    Optional<String> scalar(Optional<JsonPointer> pointer, Value body) {
      return pointer.flatMap(p -> ValuePointers.find(p, body)).filter(this::isScalar).map(JsonBodies::text);
    }

    /** A string, a boolean, or a number the tree holds exactly. */
    boolean isScalar(Value value) {
      return value.hasStringValue() || value.hasBoolValue() || (value.hasNumberValue() && exactNumbers);
    }
  }
}
