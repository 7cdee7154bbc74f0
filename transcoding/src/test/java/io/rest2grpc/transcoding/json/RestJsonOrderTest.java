package io.rest2grpc.transcoding.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import io.rest2grpc.test.v1.Card;
import io.rest2grpc.test.v1.Enums;
import io.rest2grpc.test.v1.Order;
import io.rest2grpc.test.v1.OrderStatus;
import io.rest2grpc.transcoding.DescriptorSets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A realistic legacy payload, with generated classes and with DynamicMessage from a descriptor set. */
class RestJsonOrderTest {
  private static final String ORDER = "{\"id\":9007199254740993,\"status\":\"in-progress\","
      + "\"total\":{\"amount_micros\":12345678901234567,\"currency\":\"EUR\"},"
      + "\"payment\":{\"token\":\"tok_1\",\"expiry_year\":2030,\"method\":\"card\"},"
      + "\"created_at\":\"2024-05-01T12:15:30.5+02:00\",\"coupon\":null,"
      + "\"items\":[{\"sku\":\"B-1\",\"quantity\":2},{\"sku\":\"B-2\",\"quantity\":1,\"gift\":true}],"
      + "\"customer\":\"cus_42\"}";

  private static final String PRINTED = "{\"id\":9007199254740993,\"status\":\"in-progress\","
      + "\"total\":{\"amount_micros\":12345678901234567,\"currency\":\"EUR\"},"
      + "\"payment\":{\"method\":\"card\",\"token\":\"tok_1\",\"expiry_year\":2030},"
      + "\"created_at\":\"2024-05-01T10:15:30.500Z\",\"coupon\":null,"
      + "\"items\":[{\"sku\":\"B-1\",\"quantity\":2},{\"sku\":\"B-2\",\"quantity\":1}],"
      + "\"customer\":\"cus_42\"}";

  @TempDir Path dir;

  @Test
  void parsesAndPrintsALegacyOrder() {
    List<String> unknown = new ArrayList<>();
    RestJson json = RestJson.create().withListener(new RestJsonListener() {
      @Override
      public void unknownProperty(String pointer) {
        unknown.add(pointer);
      }
    });

    Order order = json.parse(ORDER, Order.newBuilder()).build();

    assertThat(order.getId()).isEqualTo(9_007_199_254_740_993L);
    assertThat(order.getStatus()).isEqualTo(OrderStatus.ORDER_STATUS_IN_PROGRESS);
    assertThat(order.getTotal().getAmountMicros()).isEqualTo(12_345_678_901_234_567L);
    assertThat(order.getPayment().getCard())
        .isEqualTo(Card.newBuilder().setMethod("card").setToken("tok_1").setExpiryYear(2030).build());
    assertThat(order.getCreatedAt().getSeconds()).isEqualTo(1_714_558_530L);
    assertThat(order.getCreatedAt().getNanos()).isEqualTo(500_000_000);
    assertThat(order.hasCoupon()).isFalse();
    assertThat(order.getCustomer().getStringValue()).isEqualTo("cus_42");
    assertThat(unknown).containsExactly("/items/1/gift");
    assertThat(json.print(order)).isEqualTo(PRINTED);
  }

  @Test
  void dynamicMessagesFromADescriptorSetBehaveLikeGeneratedOnes() throws Exception {
    Path set = dir.resolve("codec.pb");
    Files.write(set, descriptorSet(Order.getDescriptor().getFile()).toByteArray());
    Map<String, FileDescriptor> files = DescriptorSets.load(set);
    Descriptor orderType = files.get("rest2grpc/test/v1/codec.proto").findMessageTypeByName("Order");
    RestJson json = RestJson.create();

    DynamicMessage order = json.parse(ORDER, DynamicMessage.newBuilder(orderType)).build();

    assertThat(json.print(order)).isEqualTo(PRINTED);
    assertThat(Order.parseFrom(order.toByteString())).isEqualTo(json.parse(ORDER, Order.newBuilder()).build());
  }

  @Test
  void dynamicMessagesKeepTheEnumRules() {
    Descriptor enumsType = Enums.getDescriptor();
    List<String> unknown = new ArrayList<>();
    RestJson json = RestJson.create().withListener(new RestJsonListener() {
      @Override
      public void unknownEnumValue(String pointer, String value) {
        unknown.add(pointer + " " + value);
      }
    });

    DynamicMessage enums = json.parse("{\"status\":\"shipped\",\"priority\":0,\"history\":[\"lost\"]}",
        DynamicMessage.newBuilder(enumsType)).build();

    assertThat(json.print(enums)).isEqualTo("{\"status\":\"shipped\",\"priority\":0}");
    assertThat(unknown).containsExactly("/history/0 lost");
  }

  /** The file and its imports, dependencies first, as protoc --include_imports writes them. */
  private static FileDescriptorSet descriptorSet(FileDescriptor file) {
    Set<FileDescriptor> ordered = new LinkedHashSet<>();
    collect(file, ordered);
    FileDescriptorSet.Builder set = FileDescriptorSet.newBuilder();
    ordered.forEach(f -> set.addFile(f.toProto()));
    return set.build();
  }

  private static void collect(FileDescriptor file, Set<FileDescriptor> ordered) {
    for (FileDescriptor dependency : file.getDependencies()) {
      collect(dependency, ordered);
    }
    ordered.add(file);
  }
}
