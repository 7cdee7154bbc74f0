package io.rest2grpc.transcoding.equivalence;

import com.google.protobuf.Descriptors.Descriptor;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * When two REST JSON documents are "the same JSON": the one written equivalence that the
 * converter's fidelity test, the plugin's parity test and the shadow proxy's comparator share.
 * Each document is parsed once; the comparison never throws on valid JSON, and invalid JSON gives
 * one {@link Difference} at the root saying which side is not JSON and why.
 *
 * <h2>Rules</h2>
 * <ol>
 *   <li><b>Structure.</b> Objects are unordered maps; arrays are ordered. A property or element on
 *       one side only is a difference ("missing" when the expected document has it, "unexpected"
 *       when the actual does), subject to rule 3. A property repeated within one object makes the
 *       document invalid JSON.
 *   <li><b>Numbers</b> are equal by value ({@code 1 == 1.0 == 1e0}), compared as decimals, so 64-bit
 *       integers above 2<sup>53</sup> are exact. For {@code int64}, {@code uint64}, {@code fixed64},
 *       {@code sint64} and {@code sfixed64} fields (and {@code Int64Value}/{@code UInt64Value}) a
 *       numeric string equals the number ({@code "123" == 123}); nowhere else, and never without a
 *       descriptor.
 *   <li><b>Absent, null and default</b>, per field. "Empty" means JSON {@code null}, the proto
 *       default ({@code 0}, {@code ""}, {@code false}, {@code []}, {@code {}}, the enum's zero value
 *       in any of its rule-5 forms; a message field has none) or the field's
 *       {@code RestField.default_value}. The effective emission is the field's
 *       {@code RestField.emission}, else the file's {@code RestFile.emission}, else
 *       {@code EMISSION_PRESENT}.
 *       <table>
 *         <caption>one side against the other</caption>
 *         <tr><th></th><th>absent</th><th>null</th><th>empty, not null</th><th>any other value</th></tr>
 *         <tr><th>absent</th><td>equal</td><td>equal¹</td><td>equal¹</td><td>differs</td></tr>
 *         <tr><th>null</th><td></td><td>equal</td><td>equal, unless the field is nullable²</td><td>differs</td></tr>
 *         <tr><th>present</th><td></td><td></td><td colspan="2">compared by value (rules 2, 5–8)</td></tr>
 *       </table>
 *       ¹ Except with emission {@code EMISSION_ALWAYS}, where a property absent on one side and
 *       present on the other always differs. ² A {@code RestField.nullable} field carries null as a
 *       value of its own ("null is not the same as empty"), so null differs from {@code 0},
 *       {@code ""} or {@code []} there; absent still equals null. Two present non-null values are
 *       compared by value even when both are defaults ({@code 0} differs from a default_value
 *       {@code 20}); elements of arrays and entries of maps have no defaults.
 *   <li><b>Unknown properties</b>, naming no field of their message (a field answers to its
 *       {@code rest_name}, JSON name and proto name), are not compared; the number of distinct
 *       such property paths in either document is
 *       {@link Comparison#ignoredUnknownProperties()}. In a message with a
 *       {@code RestField.unwrapped_map} field, they are that map's entries instead and are compared
 *       as map entries (a key on one side only differs).
 *   <li><b>Enums</b>: the REST wire value ({@code RestEnumValue}) and the proto value name are the
 *       same value ({@code "in-progress" == "ORDER_STATUS_IN_PROGRESS"}); so is the proto number,
 *       for enums with string wire values. For {@code RestEnum.integer_values} enums a number is
 *       the wire value ({@code 0 == "LEVEL_VALUE_0"}). A value the enum does not know equals only
 *       itself.
 *   <li><b>Formats</b> ({@code RestField.format}): {@code FORMAT_DATE_TIME} strings and
 *       {@code google.protobuf.Timestamp} fields compare as instants
 *       ({@code 2024-05-01T10:00:00+02:00 == 2024-05-01T08:00:00Z}, trailing fractional zeros
 *       irrelevant); {@code FORMAT_DATE} and {@code FORMAT_TIME} as strings after trimming;
 *       {@code FORMAT_DURATION} strings and {@code google.protobuf.Duration} fields by length, in
 *       ISO 8601 or proto3 JSON form ({@code "PT1.5S" == "1.5s"}). A value that does not parse in
 *       its format equals only itself.
 *   <li><b>Nesting</b>: message, repeated and map fields recurse with the field's type (map keys
 *       unordered). A oneof with a {@code RestOneof.discriminator} is flat on the REST wire: the
 *       object is compared against the container's fields plus the fields of the variant the
 *       discriminator value names (the expected document's value, else the actual's), and the
 *       discriminator itself is compared as a string unless the variant declares it. A union
 *       without a discriminator (a oneof with a {@code RestOneof.kind}) is flat too, or the bare
 *       variant (a string, an array…) when the message holds nothing else; its variant is the one
 *       under which the documents differ least, counting differences plus ignored properties
 *       (ties: the first declared).
 *       {@code google.protobuf.Struct}, {@code Value}, {@code ListValue}, {@code Any},
 *       {@code Empty} and {@code FieldMask} compare schema-less; wrapper types
 *       ({@code Int64Value}…) as their bare value.
 *   <li><b>Wrapper messages</b> ({@code RestMessage.wrapper}) compare as the bare array or object
 *       of their one field.
 * </ol>
 * Without a descriptor only rules 1 and 2 apply, and every property is compared.
 */
public final class RestJsonEquivalence {
  private RestJsonEquivalence() {}

  /** Compares two REST JSON documents of message {@code type}. */
  public static Comparison compare(Descriptor type, String expectedJson, String actualJson) {
    Objects.requireNonNull(type, "type");
    return compare(expectedJson, actualJson,
        (report, expected, actual) -> new EquivalenceComparator(report).message(type, "", expected, actual));
  }

  /** Plain JSON equivalence: objects unordered, arrays ordered, numbers by value. */
  public static Comparison compare(String expectedJson, String actualJson) {
    return compare(expectedJson, actualJson,
        (report, expected, actual) -> EquivalenceSchemaless.compare(report, "", expected, actual));
  }

  private interface Walk {
    void compare(EquivalenceReport report, EquivalenceJson expected, EquivalenceJson actual);
  }

  private static Comparison compare(String expectedJson, String actualJson, Walk walk) {
    Objects.requireNonNull(expectedJson, "expectedJson");
    Objects.requireNonNull(actualJson, "actualJson");
    EquivalenceJson expected;
    EquivalenceJson actual;
    try {
      expected = EquivalenceParser.parse(expectedJson);
    } catch (IOException e) {
      return invalid("expected", expectedJson, actualJson, e);
    }
    try {
      actual = EquivalenceParser.parse(actualJson);
    } catch (IOException e) {
      return invalid("actual", expectedJson, actualJson, e);
    }
    EquivalenceReport report = new EquivalenceReport();
    walk.compare(report, expected, actual);
    return report.result();
  }

  private static Comparison invalid(String side, String expectedJson, String actualJson, IOException cause) {
    String reason = side + " document is not valid JSON: " + cause.getMessage().lines().findFirst().orElse("");
    return new Comparison(List.of(new Difference("", excerpt(expectedJson), excerpt(actualJson), reason)), List.of());
  }

  private static String excerpt(String text) {
    return text.isBlank() ? "(empty)" : text.length() > 120 ? text.substring(0, 120) + "…" : text;
  }
}
