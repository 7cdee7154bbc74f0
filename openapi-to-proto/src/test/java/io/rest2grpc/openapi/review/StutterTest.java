package io.rest2grpc.openapi.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StutterTest {
  private static final List<List<String>> ORDERS = List.of(Stutter.serviceStem("OrdersService"));

  @Test
  void theServiceStemIsItsNameWithoutService() {
    assertThat(Stutter.serviceStem("OrdersService")).containsExactly("orders");
    assertThat(Stutter.serviceStem("FlowcontrolApiserverV1Service")).containsExactly("flowcontrol", "apiserver", "v1");
  }

  @Test
  void theStemRepeatedBeforeOrBesideTheNounStutters() {
    assertThat(Stutter.repeats("GetOrdersOrder", ORDERS)).isTrue();
    assertThat(Stutter.repeats("OrdersGetOrder", ORDERS)).isTrue();
    assertThat(Stutter.repeats("OrdersList", ORDERS)).isTrue();
    assertThat(Stutter.repeats("GetOrdersItem", ORDERS)).isTrue();
    assertThat(Stutter.repeats("DeleteFlowcontrolApiserverV1CollectionFlowSchema",
        List.of(Stutter.serviceStem("FlowcontrolApiserverV1Service")))).isTrue();
    assertThat(Stutter.repeats("GetAppsVerifyCredentials", List.of(Stutter.serviceStem("AppsService")))).isTrue();
  }

  @Test
  void theStemAsTheResourceNounALeadingVerbOrAParentQualifierDoesNot() {
    assertThat(Stutter.repeats("ListOrders", ORDERS)).isFalse();
    assertThat(Stutter.repeats("GetOrder", ORDERS)).isFalse();
    assertThat(Stutter.repeats("CancelPayment", ORDERS)).isFalse();
    assertThat(Stutter.repeats("ListOrderItems", ORDERS)).as("parent qualifier").isFalse();
    assertThat(Stutter.repeats("SearchMessages", List.of(Stutter.serviceStem("SearchService")))).as("the stem is a verb").isFalse();
    assertThat(Stutter.repeats("ListReorders", ORDERS)).as("whole words only").isFalse();
    assertThat(Stutter.repeats("CreateChatCompletion", List.of(Stutter.serviceStem("ChatService")))).as("compound noun").isFalse();
    assertThat(Stutter.repeats("BulkSetApplicationCommands", List.of(Stutter.serviceStem("ApplicationsService")))).isFalse();
    assertThat(Stutter.repeats("ListLists", List.of(Stutter.serviceStem("ListsService")))).as("the leading verb is no occurrence").isFalse();
    assertThat(Stutter.repeats("ListFiltersV2", List.of(Stutter.serviceStem("FiltersService")))).as("a version ends the name").isFalse();
    assertThat(Stutter.repeats("GetFiltersStatusV2", List.of(Stutter.serviceStem("FiltersService")))).isTrue();
    List<List<String>> accounts = List.of(Stutter.serviceStem("AccountsService"));
    assertThat(Stutter.repeats("GetAccountBankAccount", accounts, Set.of(List.of("bank", "account"))))
        .as("the parent, then the message BankAccount").isFalse();
    assertThat(Stutter.repeats("GetAccountBankAccount", accounts)).as("without the message, a repetition").isTrue();
  }

  @Test
  void namespacesAreTheSegmentsBeforeTheOperationsOwnName() {
    assertThat(Stutter.namespaces("shop.orders.attach")).containsExactly(List.of("shop"), List.of("orders"));
    assertThat(Stutter.namespaces("orders/get-order")).containsExactly(List.of("orders"));
    assertThat(Stutter.namespaces("sshKeys_list")).containsExactly(List.of("ssh", "keys"));
    assertThat(Stutter.namespaces("get_files_id")).as("a leading verb is no namespace").isEmpty();
    assertThat(Stutter.namespaces("attachPaymentMethod")).isEmpty();
  }

  @Test
  void aNamespaceCountsWhenMostOperationsShareIt() {
    Set<List<String>> shared = Stutter.shared(List.of("shop.orders.attach", "shop.orders.get", "shop.items.list", "ping"));
    assertThat(shared).containsExactly(List.of("shop"));
    assertThat(Stutter.repeats("ShopAttachOrder", shared)).isTrue();
    assertThat(Stutter.repeats("AttachOrder", shared)).isFalse();
    assertThat(Stutter.shared(List.of("shop.orders.attach", "ping"))).as("one operation is not most").isEmpty();
    assertThat(Stutter.shared(List.of("a.x", "b.y", "c.z"))).isEmpty();
  }
}
