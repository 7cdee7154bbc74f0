package io.rest2grpc.maven.mappers.plan;

/** How a DTO property holds its proto field's values. */
public enum Cardinality {
  /** A field without presence: unset reads as its default. */
  SINGULAR,
  /** A field with presence (message, {@code optional}, oneof member): unset ⇔ {@code null}. */
  PRESENCE,
  /** A field with presence held in a {@code java.util.Optional}: unset ⇔ empty. */
  OPTIONAL,
  LIST,
  SET,
  ARRAY,
  /** A {@code map<string, V>} field held in a {@code Map<String, V>}. */
  MAP
}
