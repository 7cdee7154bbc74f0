package io.rest2grpc.maven.mappers.plan;

/** How one value (a singular field, or one element or map value) converts between its Java and proto types. */
public sealed interface Conversion {

  /** The same Java value on both sides (strings, numbers, booleans; boxing included). */
  record Same() implements Conversion {}

  /** Another generated mapper: a nested message, an enum or a union. */
  record ViaMapper(String mapperName) implements Conversion {}

  /** {@code Instant}, {@code OffsetDateTime} or {@code ZonedDateTime} ⇔ {@code google.protobuf.Timestamp}, in UTC. */
  record Timestamp(String javaType) implements Conversion {}

  /** {@code java.time.Duration} ⇔ {@code google.protobuf.Duration}. */
  record Duration() implements Conversion {}

  /** {@code LocalDate} ⇔ a string field of format date ({@code 2024-05-01}). */
  record DateString() implements Conversion {}

  /** {@code BigDecimal}, {@code BigInteger}, {@code UUID} ⇔ a string field holding its {@code toString()}. */
  record ParsedString(String javaType) implements Conversion {}

  /** {@code BigDecimal} ⇔ double, {@code BigInteger} ⇔ int64. */
  record BigNumber(String javaType) implements Conversion {}

  /** A boxed value ⇔ a {@code google.protobuf.*Value} wrapper message. */
  record Wrapper(String wrapperMessage) implements Conversion {}

  /** {@code byte[]} ⇔ bytes. */
  record Bytes() implements Conversion {}
}
