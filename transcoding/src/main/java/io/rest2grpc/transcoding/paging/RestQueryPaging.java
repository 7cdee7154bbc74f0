package io.rest2grpc.transcoding.paging;

import io.rest2grpc.transcoding.http.QueryString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import io.grpc.StatusRuntimeException;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.RestPaging;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the page length and the position a REST list request asks for from its query parameters. */
final class RestQueryPaging {
  private final PagingLayout layout;
  private final RestPaging paging;

  RestQueryPaging(PagingLayout layout) {
    this.layout = layout;
    this.paging = layout.paging();
  }

  /**
   * The page length the request sends, as sent; empty when it sends none (or 0, the legacy default).
   * One outside the documented bounds is INVALID_ARGUMENT ({@value PagingTransform#PAGE_SIZE_OUT_OF_RANGE}),
   * as the legacy API's own validation answers it.
   */
  OptionalInt sentSize(Map<String, List<String>> query) {
    String name = paging.getSizeParameter();
    OptionalLong size = number(query, name, 0);
    if (size.isEmpty()) {
      return OptionalInt.empty();
    }
    long value = size.getAsLong();
    int max = paging.getMaxPageSize();
    if (value < paging.getMinPageSize() || max > 0 && value > max) {
      String text = first(query, name);
      String bounds = max > 0 ? paging.getMinPageSize() + " to " + max : paging.getMinPageSize() + " or more";
      throw InvalidPageToken.invalidArgument(name, PagingTransform.PAGE_SIZE_OUT_OF_RANGE,
          "query parameter " + name + " is '" + text + "'; send " + bounds + ", or leave it out",
          Map.of("parameter", name, "value", text));
    }
    return value == 0 ? OptionalInt.empty() : OptionalInt.of((int) Math.min(value, Integer.MAX_VALUE));
  }

  /** The page length the legacy API serves for this request; empty when unknown. */
  OptionalInt servedSize(Map<String, List<String>> query) {
    OptionalInt sent = sentSize(query);
    return sent.isPresent() || paging.getDefaultPageSize() == 0 ? sent : OptionalInt.of(paging.getDefaultPageSize());
  }

  /** The number of items before this page, where the position tells it. */
  OptionalLong startOffset(Map<String, List<String>> query) {
    return switch (layout.kind()) {
      case OFFSET -> OptionalLong.of(number(query, paging.getOffsetParameter(), 0).orElse(0));
      case PAGE -> OptionalLong.of((page(query) - paging.getFirstPage()) * servedSize(query).getAsInt());
      case CURSOR, QUERY, NONE -> position(query, null).isEmpty() ? OptionalLong.of(0) : OptionalLong.empty();
    };
  }

  long page(Map<String, List<String>> query) {
    return number(query, paging.getPageParameter(), paging.getFirstPage()).orElse(paging.getFirstPage());
  }

  /**
   * The position the request continues from; empty for the first page. {@code requestType} (the
   * gRPC request) tells which parameters are filters for the QUERY kind: those naming its fields.
   */
  Optional<RestPosition> position(Map<String, List<String>> query, Descriptor requestType) {
    switch (layout.kind()) {
      case OFFSET -> {
        long offset = number(query, paging.getOffsetParameter(), 0).orElse(0);
        return offset == 0 ? Optional.empty() : Optional.of(RestPosition.offset(offset));
      }
      case PAGE -> {
        long page = page(query);
        return page == paging.getFirstPage() ? Optional.empty()
            : Optional.of(RestPosition.page(page, servedSize(query).getAsInt()));
      }
      case CURSOR -> {
        String cursor = first(query, paging.getCursorParameter());
        return cursor == null || cursor.isEmpty() ? Optional.empty() : Optional.of(RestPosition.cursor(cursor));
      }
      case QUERY -> {
        return hasPosition(query, requestType) ? Optional.of(RestPosition.cursor(QueryString.encode(query)))
            : Optional.empty();
      }
      default -> {
        return Optional.empty();
      }
    }
  }

  /** A parameter that is neither the page length nor a field of the request is the legacy API's position. */
  private boolean hasPosition(Map<String, List<String>> query, Descriptor requestType) {
    if (requestType == null) {
      return query.keySet().stream().anyMatch(name -> !name.equals(paging.getSizeParameter()));
    }
    Set<String> fieldNames = requestType.getFields().stream()
        .flatMap(field -> restNames(field).stream())
        .collect(Collectors.toSet());
    return query.keySet().stream().anyMatch(name -> !name.equals(paging.getSizeParameter()) && !fieldNames.contains(name));
  }

  static List<String> restNames(FieldDescriptor field) {
    String restName = field.getOptions().getExtension(OptionsProto.field).getRestName();
    return restName.isEmpty() ? List.of(field.getJsonName(), field.getName())
        : List.of(restName, field.getJsonName(), field.getName());
  }

  private static String first(Map<String, List<String>> query, String name) {
    List<String> values = name.isEmpty() ? null : query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** A whole number of at least {@code min}; INVALID_ARGUMENT naming the parameter otherwise. */
  private static OptionalLong number(Map<String, List<String>> query, String name, long min) {
    String text = first(query, name);
    if (text == null || text.isEmpty()) {
      return OptionalLong.empty();
    }
    long value;
    try {
      value = Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw invalidParameter(name, text, "a whole number");
    }
    if (value < min) {
      throw invalidParameter(name, text, min + " or more");
    }
    return OptionalLong.of(value);
  }

  private static StatusRuntimeException invalidParameter(String name, String text, String expected) {
    return InvalidPageToken.invalidArgument(name, "PAGING_PARAMETER_INVALID",
        "query parameter " + name + " is '" + text + "'; send " + expected + ", or leave it out",
        Map.of("parameter", name, "value", text));
  }
}
