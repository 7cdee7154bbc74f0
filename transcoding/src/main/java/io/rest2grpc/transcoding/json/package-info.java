/**
 * The REST JSON codec: {@link io.rest2grpc.transcoding.json.RestJson} prints and parses protobuf
 * messages as the legacy REST service's JSON, streaming on jackson-core and driven by the descriptor
 * and the rest2grpc options ({@code rest2grpc/options/v1/options.proto}).
 *
 * <p>The rules, each pinned by a test in {@code RestJsonTest}:
 * <ol>
 *   <li>Property names: {@code RestField.rest_name}, else the field's JSON name; parsing also takes
 *       the JSON name and the proto name.
 *   <li>Enums print {@code RestEnumValue} (strings, or numbers for integer enums), else the proto name
 *       (the proto number for integer enums); the zero {@code _UNSPECIFIED} value is never printed;
 *       parsing takes the REST value, the proto name or the number; an unknown value is rejected under
 *       {@code UNKNOWN_ENUM_POLICY_REJECT} (enum, else file) and otherwise dropped, leaving the field
 *       unset, and reported to {@link io.rest2grpc.transcoding.json.RestJsonListener#unknownEnumValue}.
 *   <li>64-bit integers print as JSON numbers unless the effective {@code Int64Encoding} (field, then
 *       file) is STRING; parsing takes both.
 *   <li>Emission (field, then file, else PRESENT) decides which fields print, as options.proto
 *       documents; a required property (field_behavior REQUIRED) with neither is in every body: a
 *       list or map that is not nullable, and a nullable field with presence, are ALWAYS (empty as
 *       [] or {}, unset as null); a nullable list stays PRESENT, as empty may have been null. JSON
 *       null parses as "unset" (for google.protobuf.Value: the null value).
 *   <li>Nullable arrays and maps: null parses as empty; printing follows emission.
 *   <li>Timestamps parse from RFC 3339 with any offset and print in UTC with Z (a full-date on
 *       FORMAT_DATE fields); durations print as "1.500s" (ISO 8601 "PT1.5S" on FORMAT_DURATION
 *       fields) and parse from both; formatted string fields pass through unchanged.
 *   <li>A oneof with a discriminator prints its variant's properties flat, in the containing object,
 *       with the discriminator, and parses the variant it names (properties before it are buffered);
 *       a message that is one undiscriminated oneof prints as the bare variant and parses the variant
 *       matching the JSON token (objects: the variant whose properties cover the most keys).
 *   <li>Wrapper messages ({@code RestMessage.wrapper}) print and parse as their bare array or object.
 *   <li>Struct, Value and ListValue hold arbitrary JSON (integral numbers print without a fraction);
 *       Empty is {}; Int64Value and the other wrappers are their bare value.
 *   <li>Null elements of arrays are kept for google.protobuf.Value and skipped otherwise (a proto list
 *       cannot hold null: a limitation, flagged by {@code RestField.null_elements}); null map values
 *       likewise.
 *   <li>An {@code unwrapped_map} field's entries print beside the declared properties and take every
 *       property that matches no declared field.
 *   <li>Unknown properties are skipped and reported to
 *       {@link io.rest2grpc.transcoding.json.RestJsonListener#unknownProperty}.
 *   <li>Bytes are base64 (parsing takes URL-safe and unpadded too); map keys are strings; nesting
 *       beyond 200 levels is refused with a {@link io.rest2grpc.transcoding.json.RestJsonException}.
 * </ol>
 *
 * <p>{@code RestField.default_value} is a fact about the REST contract and is not applied: an absent
 * property stays unset. Errors are {@link io.rest2grpc.transcoding.json.RestJsonException}s naming
 * the JSON pointer.
 */
package io.rest2grpc.transcoding.json;
