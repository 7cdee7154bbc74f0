package io.rest2grpc.maven.mappers.plan;

/**
 * Why a proto field and a DTO property cannot be mapped by generated code.
 *
 * @param protoField the proto field, or message, by full name ({@code sample.v1.Order.created_at})
 * @param dtoProperty the DTO property, or class ({@code com.example.OrderDto.createdAt})
 */
public record Reason(String protoField, String dtoProperty, String problem) implements Comparable<Reason> {

  @Override
  public String toString() {
    return protoField + " ⇔ " + dtoProperty + ": " + problem;
  }

  @Override
  public int compareTo(Reason other) {
    return toString().compareTo(other.toString());
  }
}
