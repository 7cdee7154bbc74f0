package io.rest2grpc.maven.mappers.dto;

/**
 * The defaults of the Jackson the application's Spring MVC writes JSON with, where they change what a DTO prints as:
 * Jackson 2 (Spring Boot 3) and Jackson 3 (Spring Boot 4) read the same source differently.
 *
 * @param label how the report names it ({@code Jackson 2}, {@code Jackson 3})
 * @param enumsAsToString an enum constant without {@code @JsonProperty} or {@code @JsonValue} prints as its
 *     {@code toString()}, not its name ({@code WRITE_ENUMS_USING_TO_STRING}: on in Jackson 3)
 * @param fieldNamesKeepCase a property read through {@code getXCoord()} keeps its field's name {@code xCoord}
 *     ({@code FIX_FIELD_NAME_UPPER_CASE_PREFIX}: on in Jackson 3); off, Jackson lower-cases the getter's leading
 *     capitals: {@code xcoord}
 */
public record JacksonDefaults(String label, boolean enumsAsToString, boolean fieldNamesKeepCase) {

  /** Jackson 2 as Spring Boot 3 configures it. */
  public static final JacksonDefaults JACKSON_2 = new JacksonDefaults("Jackson 2", false, false);

  /** Jackson 3 as Spring Boot 4 configures it. */
  public static final JacksonDefaults JACKSON_3 = new JacksonDefaults("Jackson 3", true, true);

  public JacksonDefaults withEnumsAsToString(boolean enabled) {
    return new JacksonDefaults(label, enabled, fieldNamesKeepCase);
  }

  public JacksonDefaults withFieldNamesKeepCase(boolean enabled) {
    return new JacksonDefaults(label, enumsAsToString, enabled);
  }
}
