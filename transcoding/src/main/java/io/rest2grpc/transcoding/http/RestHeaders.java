package io.rest2grpc.transcoding.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Response headers as they were on the wire: name/value pairs in order, repeats kept, names spelled
 * as sent and looked up case-insensitively. {@code Content-Type} is not among them: it is
 * {@link RestResponse#mediaType()}.
 */
public record RestHeaders(List<Header> list) {
  public static final RestHeaders NONE = new RestHeaders(List.of());

  public record Header(String name, String value) {
    public Header {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
    }
  }

  public RestHeaders {
    list = List.copyOf(list);
  }

  /** {@code RestHeaders.of("Retry-After", "30", "Link", "<…>; rel=next")}. */
  public static RestHeaders of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("RestHeaders.of takes names and values in pairs, got " + namesAndValues.length + " strings");
    }
    List<Header> headers = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.add(new Header(namesAndValues[i], namesAndValues[i + 1]));
    }
    return new RestHeaders(headers);
  }

  /** The first value of the header, whatever the case of its name. */
  public Optional<String> first(String name) {
    return list.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
  }

  /** Every value of the header, in order. */
  public List<String> all(String name) {
    return list.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).toList();
  }
}
