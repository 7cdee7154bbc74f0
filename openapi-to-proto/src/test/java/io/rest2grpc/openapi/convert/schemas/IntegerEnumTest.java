package io.rest2grpc.openapi.convert.schemas;

import static io.rest2grpc.openapi.support.Specs.assertCompilesAndLints;
import static io.rest2grpc.openapi.support.Specs.convert;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import io.rest2grpc.transcoding.json.RestJson;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Integer enums keep the REST numbers as proto numbers where the REST API never sends 0, take their
 * names from x-enum-varnames or a {@code <number> - <label>} list in the description, and still
 * round-trip through the REST JSON codec.
 */
class IntegerEnumTest {
  @TempDir static Path dir;
  private static FileDescriptor models;

  @BeforeAll
  static void convertAndCompile() {
    var c = convert(dir, """
        openapi: 3.0.3
        info: {title: Shop, version: 1.0.0}
        paths: {}
        components:
          schemas:
            Order:
              type: object
              properties:
                priority:
                  type: integer
                  enum: [10, 20, 30]
                  x-enum-varnames: [Low, Normal, Urgent]
                limit:
                  type: integer
                  description: |
                    How many reports are kept.
                    * `1` - 1 per issue
                    * `5` - 5 per issue
                    * `-1` - Unlimited
                  enum: [1, 5, -1]
                flush:
                  type: integer
                  description: |
                    Flushing.
                      - 0 &mdash; disables this functionality, dirty pages are not flushed.
                      - 1 &mdash; flushes contiguous dirty pages in the same extent.
                  enum: [0, 1]
                ttl: {type: integer, enum: [60, 600, 3600]}
                marker: {type: string, enum: ['', active, '*']}
        """);
    models = assertCompilesAndLints(c, dir).get("shop/v1/models.proto");
  }

  private static Map<String, Integer> values(String enumName) {
    EnumDescriptor e = models.findEnumTypeByName(enumName);
    Map<String, Integer> values = new java.util.LinkedHashMap<>();
    e.getValues().forEach(v -> values.put(v.getName(), v.getNumber()));
    return values;
  }

  @Test
  void namesFromVarNamesAndNumbersFromRest() {
    assertThat(values("OrderPriority")).containsExactly(Map.entry("ORDER_PRIORITY_UNSPECIFIED", 0),
        Map.entry("ORDER_PRIORITY_LOW", 10), Map.entry("ORDER_PRIORITY_NORMAL", 20), Map.entry("ORDER_PRIORITY_URGENT", 30));
  }

  @Test
  void namesFromADescriptionListAndSpecOrderWhenANumberIsNotPositive() {
    assertThat(values("OrderLimit")).containsExactly(Map.entry("ORDER_LIMIT_UNSPECIFIED", 0),
        Map.entry("ORDER_LIMIT_1_PER_ISSUE", 1), Map.entry("ORDER_LIMIT_5_PER_ISSUE", 2), Map.entry("ORDER_LIMIT_UNLIMITED", 3));
    assertThat(values("OrderFlush")).containsExactly(Map.entry("ORDER_FLUSH_UNSPECIFIED", 0),
        Map.entry("ORDER_FLUSH_DISABLES_THIS_FUNCTIONALITY", 1), Map.entry("ORDER_FLUSH_FLUSHES_CONTIGUOUS_DIRTY_PAGES", 2));
  }

  @Test
  void valueNamesOnlyWhereTheSpecGivesNothing() {
    assertThat(values("OrderTtl")).containsExactly(Map.entry("ORDER_TTL_UNSPECIFIED", 0),
        Map.entry("ORDER_TTL_VALUE_60", 60), Map.entry("ORDER_TTL_VALUE_600", 600), Map.entry("ORDER_TTL_VALUE_3600", 3600));
    assertThat(values("OrderMarker")).containsKeys("ORDER_MARKER_EMPTY", "ORDER_MARKER_ACTIVE", "ORDER_MARKER_WILDCARD");
  }

  @Test
  void restJsonRoundTripsThroughTheCodec() {
    Descriptor order = models.findMessageTypeByName("Order");
    RestJson codec = RestJson.create();
    String json = "{\"priority\":20,\"limit\":-1,\"flush\":0,\"ttl\":3600,\"marker\":\"\"}";
    DynamicMessage parsed = codec.parse(json, DynamicMessage.newBuilder(order)).build();
    assertThat(((EnumValueDescriptor) parsed.getField(order.findFieldByName("priority"))).getName()).isEqualTo("ORDER_PRIORITY_NORMAL");
    assertThat(((EnumValueDescriptor) parsed.getField(order.findFieldByName("limit"))).getName()).isEqualTo("ORDER_LIMIT_UNLIMITED");
    assertThat(((EnumValueDescriptor) parsed.getField(order.findFieldByName("flush"))).getName())
        .isEqualTo("ORDER_FLUSH_DISABLES_THIS_FUNCTIONALITY");
    assertThat(codec.print(parsed)).isEqualTo(json);
  }
}
