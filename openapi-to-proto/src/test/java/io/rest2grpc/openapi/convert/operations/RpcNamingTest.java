package io.rest2grpc.openapi.convert.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.support.Specs;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How RPCs are named (module README): standard names only where true, no stutter, qualified collisions, verb + noun. */
class RpcNamingTest {
  @TempDir Path dir;

  private static final String LIST = "{'200': {description: ok, content: {application/json: {schema: {type: array, items: {type: object}}}}}}";
  private static final String OK = "{'200': {description: ok}}";

  private static String spec(String paths) {
    return """
        openapi: 3.0.3
        info: {title: Shop, version: 1.0.0}
        paths:
        """ + paths.replace("LIST", LIST).replace("OK", OK).indent(2);
  }

  /** "Service.Rpc" of every RPC, sorted. */
  private Map<String, String> rpcs(String yaml) {
    return rpcs(Specs.convert(dir, yaml));
  }

  private Map<String, String> rpcs(Conversion c) {
    Specs.assertCompilesAndLints(c, dir.resolve("compiled"));
    Map<String, String> rpcs = new TreeMap<>();
    c.files().stream().flatMap(f -> f.services().stream())
        .forEach(s -> s.rpcs().forEach(r -> rpcs.put(r.name(), s.name())));
    return rpcs;
  }

  @Test
  void aStandardShapeWhoseVerbAgreesGetsTheStandardName() {
    assertThat(rpcs(spec("""
        /orders:
          get: {operationId: getOrders, responses: LIST}
          post: {operationId: addOrder, responses: OK}
        /orders/{id}:
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          get: {operationId: fetchOrder, responses: OK}
          patch: {operationId: modifyOrder, responses: OK}
          delete: {operationId: removeOrder, responses: OK}
        /invoices/{id}:
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          get: {responses: OK}
          put: {operationId: PutInvoicesId, responses: OK}
        """))).containsOnlyKeys("ListOrders", "CreateOrder", "GetOrder", "UpdateOrder", "DeleteOrder", "GetInvoice", "UpdateInvoice");
  }

  @Test
  void pascalCaseCollectionsAndAFormatExtensionKeepTheStandardShape() {
    // Twilio's paths: /Accounts/{Sid}.json is the item of the Accounts collection
    assertThat(rpcs(spec("""
        /2010-04-01/Accounts.json:
          get: {operationId: ListAccount, responses: LIST}
        /2010-04-01/Accounts/{Sid}.json:
          parameters: [{name: Sid, in: path, required: true, schema: {type: string}}]
          get: {operationId: FetchAccount, responses: OK}
          post: {operationId: UpdateAccount, responses: OK}
        """))).containsOnlyKeys("ListAccounts", "GetAccount", "UpdateAccount");
  }

  @Test
  void aReadVerbOnAPluralThatReturnsAListIsAList() {
    // the list gets page_size/page_token (AIP-158), so it is a List method (AIP-132) whatever its verb
    assertThat(rpcs(spec("""
        /apis/apps/v1/:
          get: {operationId: getAppsV1APIResources, responses: LIST}
        /api/v1/add_ons:
          get: {operationId: findAllAddOns, responses: LIST}
        /api/v1/settings/flow:
          get: {operationId: getSettingsFlow, responses: LIST}
        /folders/{folder_id}/items:
          parameters: [{name: folder_id, in: path, required: true, schema: {type: string}}]
          get:
            operationId: get_folders_id_items
            responses:
              '200':
                description: a page of the folder's items, its list inside an allOf as Box writes it
                content: {application/json: {schema: {allOf: [{type: object, properties: {entries: {type: array, items: {type: object}}}}]}}}
        /sign_requests:
          get:
            operationId: get_sign_requests
            responses:
              '200':
                description: a GET reads what its last segment names, though sign is a verb
                content: {application/json: {schema: {allOf: [{type: object, properties: {entries: {type: array, items: {type: object}}}}]}}}
        """))).containsOnlyKeys("ListAppsV1ApiResources", "ListAddOns", "GetSettingsFlow", "ListFolderItems", "ListSignRequests");
  }

  @Test
  void anOperationIdThatOnlySpellsItsRouteIsReadAsAbsent() {
    // Stripe's operationIds: method + path, so the one resource under two parents is named from its shape
    assertThat(rpcs(spec("""
        /v1/account/bank_accounts/{id}:
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          get: {operationId: GetAccountBankAccountsId, responses: OK}
          delete: {operationId: DeleteAccountBankAccountsId, responses: OK}
        /v1/accounts/{account}/bank_accounts/{id}:
          parameters:
            - {name: account, in: path, required: true, schema: {type: string}}
            - {name: id, in: path, required: true, schema: {type: string}}
          get: {operationId: GetAccountsAccountBankAccountsId, responses: OK}
        /v1/accounts/{account}/bank_accounts:
          parameters: [{name: account, in: path, required: true, schema: {type: string}}]
          get: {operationId: GetAccountsBankAccounts, responses: LIST}
        /files/{file_id}/thumbnails:
          parameters: [{name: file_id, in: path, required: true, schema: {type: string}}]
          get: {operationId: get_files_id_thumbnails, responses: LIST}
        """))).containsOnlyKeys("GetBankAccount", "DeleteBankAccount", "GetAccountBankAccount", "ListBankAccounts", "ListThumbnails");
  }

  @Test
  void aStandardShapeWhoseVerbDisagreesKeepsItsOwnVerb() {
    assertThat(rpcs(spec("""
        /customers/{id}/payment-methods/{pm}:
          parameters:
            - {name: id, in: path, required: true, schema: {type: string}}
            - {name: pm, in: path, required: true, schema: {type: string}}
          put: {operationId: attachPaymentMethod, responses: OK}
        /tokens/{id}:
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          delete: {operationId: revokeToken, responses: OK}
        /orders:
          get: {operationId: searchOrders, responses: LIST}
        /users/{id}:
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          put: {operationId: setDefaultUser, responses: OK}
        """))).containsOnlyKeys("AttachPaymentMethod", "RevokeToken", "SearchOrders", "SetDefaultUser");
  }

  @Test
  void theServiceNameIsNotRepeated() {
    assertThat(rpcs(spec("""
        /admin.users.setExpiration:
          post: {tags: [admin.users], operationId: admin_users_setExpiration, responses: OK}
        /reactions.remove:
          post: {tags: [reactions], operationId: reactions.remove, responses: OK}
        /api/v1/namespaces/{namespace}/pods/{name}/log:
          parameters:
            - {name: namespace, in: path, required: true, schema: {type: string}}
            - {name: name, in: path, required: true, schema: {type: string}}
          get: {tags: [core_v1], operationId: readCoreV1NamespacedPodLog, responses: OK}
        /health:
          get: {operationId: health_check, responses: OK}
        """))).containsExactlyInAnyOrderEntriesOf(Map.of(
            "SetExpiration", "AdminUsersService", "RemoveReaction", "ReactionsService",
            "ReadNamespacedPodLog", "CoreV1Service", "CheckHealth", "HealthService"));
  }

  @Test
  void aNamespaceMostOperationIdsShareIsLeftOut() {
    assertThat(rpcs(spec("""
        /orders/{id}/items:
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          post: {operationId: shop.orders.attach, responses: OK}
        /orders/{id}/cancel:
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          post: {operationId: shop.orders.cancel, responses: OK}
        /repos/{id}/forks:
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          get: {operationId: shop.repos/list-for-org, responses: OK}
        """))).containsExactlyInAnyOrderEntriesOf(Map.of(
            "AttachItem", "OrdersService", "CancelOrder", "OrdersService", "ListForksForOrg", "ReposService"));
  }

  @Test
  void aWordMostOperationIdsOfAServiceStartWithIsLeftOutBeforeTheirVerb() {
    assertThat(rpcs(spec("""
        /gen-ai/agents/{id}/attach:
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          post: {tags: [GradientAI Platform], operationId: genai_attach_agent_function, responses: OK}
        /gen-ai/agents/{id}/rotate:
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          post: {tags: [GradientAI Platform], operationId: genai_rotate_agent_key, responses: OK}
        /gen-ai/regions:
          get: {tags: [GradientAI Platform], operationId: genai_regions, responses: OK}
        """))).containsOnlyKeys("AttachAgentFunction", "RotateAgentKey", "GenaiRegions");
  }

  @Test
  void namesAreUniqueInTheirServiceAndTheirMessagesTakeTheServiceName() {
    Conversion c = Specs.convert(dir, spec("""
        /apis/apps/v1/:
          get: {tags: [apps_v1], operationId: getAppsV1APIResources, responses: OK}
        /apis/batch/v1/:
          get: {tags: [batch_v1], operationId: getBatchV1APIResources, responses: OK}
        /apis/batch/v1/jobs:
          get: {tags: [batch_v1], operationId: listBatchV1Jobs, responses: LIST}
        """));
    Specs.assertCompilesAndLints(c, dir.resolve("compiled"));
    Map<String, String> requests = new TreeMap<>();
    c.files().stream().flatMap(f -> f.services().stream())
        .forEach(s -> s.rpcs().forEach(r -> requests.put(s.name() + "." + r.name(), r.requestType())));
    assertThat(requests).containsExactlyInAnyOrderEntriesOf(Map.of(
        "AppsV1Service.GetApiResources", "AppsV1ServiceGetApiResourcesRequest",
        "BatchV1Service.GetApiResources", "BatchV1ServiceGetApiResourcesRequest",
        "BatchV1Service.ListJobs", "ListJobsRequest"));
  }

  @Test
  void anOwnerMostOperationIdsOfAServiceStartWithIsLeftOutAndWhatFollowsIsTheAction() {
    assertThat(rpcs(spec("""
        /containers/json:
          get: {tags: [Container], operationId: ContainerList, responses: LIST}
        /containers/{id}/unpause:
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          post: {tags: [Container], operationId: ContainerUnpause, responses: OK}
        /containers/{id}/kill:
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          post: {tags: [Container], operationId: ContainerKill, responses: OK}
        /v2/load_balancers:
          get: {tags: [Load Balancers], operationId: loadBalancers_list, responses: LIST}
        /v2/load_balancers/{id}/droplets:
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          post: {tags: [Load Balancers], operationId: loadBalancers_add_droplets, responses: OK}
        /v2/volumes/{id}/actions:
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          get: {tags: [Block Storage Actions], operationId: volumeActions_list, responses: LIST}
          post: {tags: [Block Storage Actions], operationId: volumeActions_post, responses: OK}
        /logs/:
          get: {tags: [logs], operationId: logFileListHandler, responses: OK}
        /configs/{id}:
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          get: {tags: [Config], operationId: ConfigInspect, responses: OK}
        /v1/embeddings:
          post: {tags: [Inference], operationId: inference_create_embedding, responses: OK}
        /v1/chat/completions:
          post: {tags: [Inference], operationId: inference_create_chat_completion, responses: OK}
        """))).containsOnlyKeys("ListContainers", "UnpauseContainer", "KillContainer", "ListLoadBalancers", "AddDroplets",
        "ListActions", "CreateAction", "ListFileHandler", "CreateEmbedding", "CreateChatCompletion", "GetConfig");
  }

  @Test
  void everyOperationThatWantsTheSameNameIsQualifiedWhateverTheOrder() {
    String shelves = """
        /shelves/{shelf}/books/{book}:
          parameters:
            - {name: shelf, in: path, required: true, schema: {type: string}}
            - {name: book, in: path, required: true, schema: {type: string}}
          get: {operationId: getBook, responses: OK}
        """;
    String libraries = """
        /libraries/{library}/books/{book}:
          parameters:
            - {name: library, in: path, required: true, schema: {type: string}}
            - {name: book, in: path, required: true, schema: {type: string}}
          get: {operationId: getBook, responses: OK}
        """;
    assertThat(rpcs(spec(shelves + libraries))).containsOnlyKeys("GetShelfBook", "GetLibraryBook");
    assertThat(rpcs(spec(libraries + shelves))).containsOnlyKeys("GetShelfBook", "GetLibraryBook");
  }

  @Test
  void aListAcrossParentsAndAListInOneAreBothQualified() {
    assertThat(rpcs(spec("""
        /api/v1/pods:
          get: {tags: [core_v1], operationId: listCoreV1PodForAllNamespaces, responses: LIST}
        /api/v1/namespaces/{namespace}/pods:
          parameters: [{name: namespace, in: path, required: true, schema: {type: string}}]
          get: {tags: [core_v1], operationId: listCoreV1NamespacedPod, responses: LIST}
        """))).containsOnlyKeys("ListPodsForAllNamespaces", "ListNamespacePods");
  }

  @Test
  void namesFromThePathReadVerbThenNoun() {
    assertThat(rpcs(spec("""
        /orders/{id}/cancel:
          parameters: [{name: id, in: path, required: true, schema: {type: string}}]
          post: {responses: OK}
        /v2/runs/{run_id}/submit_tool_outputs:
          parameters: [{name: run_id, in: path, required: true, schema: {type: string}}]
          post: {responses: OK}
        /v2/status:
          get: {responses: OK}
        /v2/apps/{app_id}/logs:
          parameters: [{name: app_id, in: path, required: true, schema: {type: string}}]
          get: {responses: OK}
        /v2/invoices/upcoming:
          get: {tags: [Invoices], responses: OK}
        """))).containsOnlyKeys("CancelOrder", "SubmitToolOutputs", "GetStatus", "GetAppLogs", "GetUpcoming");
  }

  @Test
  void aLockedNameStaysAndOnlyNewOperationsFollowTheRules() {
    String shelves = """
        /shelves/{shelf}/books/{book}:
          parameters:
            - {name: shelf, in: path, required: true, schema: {type: string}}
            - {name: book, in: path, required: true, schema: {type: string}}
          get: {operationId: getBook, responses: OK}
        """;
    String libraries = """
        /libraries/{library}/books/{book}:
          parameters:
            - {name: library, in: path, required: true, schema: {type: string}}
            - {name: book, in: path, required: true, schema: {type: string}}
          get: {operationId: getBook, responses: OK}
        """;
    ConversionOptions locked = ConversionOptions.defaults().withLock(dir.resolve("shop.lock.json"), false);
    assertThat(rpcs(Specs.convert(dir, spec(shelves), locked))).containsOnlyKeys("GetBook");
    assertThat(rpcs(Specs.convert(dir, spec(shelves + libraries), locked))).containsOnlyKeys("GetBook", "GetLibraryBook");
  }
}
