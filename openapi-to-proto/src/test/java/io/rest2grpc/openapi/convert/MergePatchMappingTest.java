package io.rest2grpc.openapi.convert;

import static io.rest2grpc.openapi.support.Specs.assertCompilesAndLints;
import static io.rest2grpc.openapi.support.Specs.convert;
import static io.rest2grpc.openapi.support.Specs.protoText;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import io.rest2grpc.openapi.OpenApiToProto;
import io.rest2grpc.openapi.check.Check;
import io.rest2grpc.openapi.check.ProtoChange;
import io.rest2grpc.openapi.conversion.Conversion;
import io.rest2grpc.openapi.conversion.ConversionOptions;
import io.rest2grpc.openapi.report.Category;
import io.rest2grpc.openapi.write.DescriptorBuilder;
import io.rest2grpc.openapi.support.Specs;
import io.rest2grpc.transcoding.options.EffectiveOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A PATCH that takes a JSON merge patch gets an AIP-134 update_mask (module README, "Services and RPCs"). */
class MergePatchMappingTest {
  @TempDir Path dir;

  /**
   * PATCH /orders/{id} with the given body media types and query parameters; PATCH /notes/{id} (JSON only) and /labels/{id}
   * (its own update_mask) beside it.
   */
  private static String spec(String orderMediaTypes, String orderQuery) {
    return """
        openapi: 3.0.3
        info: {title: Shop, version: 1.0.0}
        paths:
          /orders/{id}:
            patch:
              operationId: updateOrder
              parameters: [{name: id, in: path, required: true, schema: {type: string}}%s]
              requestBody:
                required: true
                content:
        %s
              responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}}
          /notes/{id}:
            patch:
              operationId: updateNote
              parameters: [{name: id, in: path, required: true, schema: {type: string}}]
              requestBody: {content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}
              responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}}
          /labels/{id}:
            patch:
              operationId: updateLabel
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
                - {name: update_mask, in: query, schema: {type: string}}
              requestBody: {content: {application/merge-patch+json: {schema: {$ref: '#/components/schemas/Order'}}}}
              responses: {'200': {description: ok, content: {application/json: {schema: {$ref: '#/components/schemas/Order'}}}}}
        components:
          schemas:
            Order:
              type: object
              properties:
                note: {type: string, nullable: true}
                delivery_date: {type: string, format: date, nullable: true}
        """.formatted(orderQuery, orderMediaTypes.indent(10).stripTrailing());
  }

  private static final String MERGE_PATCH = """
      application/merge-patch+json: {schema: {$ref: '#/components/schemas/Order'}}
      application/json: {schema: {$ref: '#/components/schemas/Order'}}""";
  private static final String JSON_ONLY = "application/json: {schema: {$ref: '#/components/schemas/Order'}}";

  private static MethodDescriptor method(Map<String, FileDescriptor> files, String rpc) {
    return files.values().stream().flatMap(f -> f.getServices().stream()).flatMap(s -> s.getMethods().stream())
        .filter(m -> m.getName().equals(rpc)).findFirst().orElseThrow(() -> new AssertionError("no rpc " + rpc));
  }

  @Test
  void aMergePatchGetsAnUpdateMaskTheMethodOptionNames() {
    Conversion c = convert(dir, spec(MERGE_PATCH, ""));
    assertThat(protoText(c)).contains("""
        message UpdateOrderRequest {
          string id = 1 [(google.api.field_behavior) = REQUIRED];
          Order order = 2 [(google.api.field_behavior) = REQUIRED];
          // The members of order the JSON merge patch sets or clears (null): the transcoder fills it from
          // the patch's keys.
          google.protobuf.FieldMask update_mask = 3;
        }""", "message UpdateNoteRequest {\n  string id = 1 [(google.api.field_behavior) = REQUIRED];\n  Order note = 2;\n}");
    assertThat(c.report().countsByCategory()).containsEntry(Category.MERGE_PATCH_MASK, 2);

    Map<String, FileDescriptor> files = assertCompilesAndLints(c, dir);
    MethodDescriptor update = method(files, "UpdateOrder");
    assertThat(EffectiveOptions.of(update).getMergePatchMaskField()).isEqualTo("update_mask");
    FieldDescriptor mask = update.getInputType().findFieldByName("update_mask");
    assertThat(mask.getMessageType().getFullName()).isEqualTo("google.protobuf.FieldMask");
    assertThat(EffectiveOptions.of(method(files, "UpdateNote")).getMergePatchMaskField()).as("JSON only: no merge patch").isEmpty();

    MethodDescriptor label = method(files, "UpdateLabel");
    assertThat(EffectiveOptions.of(label).getMergePatchMaskField()).as("update_mask is the spec's own query parameter")
        .isEqualTo("merge_patch_mask");
    Descriptor labelRequest = label.getInputType();
    assertThat(labelRequest.findFieldByName("update_mask").getType()).isEqualTo(FieldDescriptor.Type.STRING);
    assertThat(labelRequest.findFieldByName("merge_patch_mask").getMessageType().getFullName()).isEqualTo("google.protobuf.FieldMask");
    assertThat(Specs.facts(c, update.getFullName())).containsEntry("merge_patch_mask_field", "update_mask");
    assertThat(DescriptorBuilder.build(c)).as("built in memory, without protoc").hasSameSizeAs(c.files());
  }

  @Test
  void theLockKeepsTheMaskNumberAndAddingItBreaksNothing() throws Exception {
    Path lock = dir.resolve("shop.lock.json");
    ConversionOptions locked = ConversionOptions.defaults().withLock(lock, false);
    Conversion first = Specs.convert(dir, spec(MERGE_PATCH, ""), locked);
    OpenApiToProto.write(first, dir.resolve("v1"));
    String withQuery = spec(MERGE_PATCH, ", {name: dry_run, in: query, schema: {type: boolean}}");
    Conversion second = Specs.convert(dir, withQuery, locked);
    assertThat(protoText(second)).contains("google.protobuf.FieldMask update_mask = 3;", "bool dry_run = 4 [json_name = \"dry_run\"];");

    Path jsonOnly = dir.resolve("json-only.yaml");
    Path mergePatch = dir.resolve("merge-patch.yaml");
    Files.writeString(jsonOnly, spec(JSON_ONLY, ""));
    Files.writeString(mergePatch, spec(MERGE_PATCH, ""));
    Check.Result result = Check.run(jsonOnly, mergePatch, ConversionOptions.defaults());
    assertThat(result.proto()).as("adding merge patch adds a field and changes the method option, nothing breaking")
        .extracting(e -> e.change().kind()).containsOnly(ProtoChange.Kind.METHOD_OPTION_CHANGED);
    assertThat(result.proto().stream().map(e -> e.change().element())).containsExactly(first.packageName() + ".OrdersService.UpdateOrder");
  }

  @Test
  void swagger2ConsumesCountEvenForABodyParameterGivenAsRef() {
    Conversion c = convert(dir, """
        swagger: '2.0'
        info: {title: Shop, version: 1.0.0}
        paths:
          /orders/{id}:
            patch:
              operationId: patchOrder
              consumes: [application/json-patch+json, application/merge-patch+json]
              parameters:
                - {name: id, in: path, required: true, type: string}
                - {$ref: '#/parameters/patch'}
              responses: {'200': {description: ok, schema: {$ref: '#/definitions/Order'}}}
            put:
              operationId: replaceOrder
              parameters:
                - {name: id, in: path, required: true, type: string}
                - {$ref: '#/parameters/patch'}
              responses: {'200': {description: ok, schema: {$ref: '#/definitions/Order'}}}
        parameters:
          patch: {name: body, in: body, required: true, schema: {$ref: '#/definitions/Order'}}
        definitions:
          Order: {type: object, properties: {note: {type: string}}}
        """);
    assertThat(protoText(c)).contains("google.protobuf.FieldMask update_mask = 3;");
    assertThat(c.report().countsByCategory()).as("the PUT takes no merge patch").containsEntry(Category.MERGE_PATCH_MASK, 1);
    assertCompilesAndLints(c, dir);
  }
}
