package io.rest2grpc.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.rest2grpc.sample.support.ContractSpec;
import io.rest2grpc.sample.support.LegacyAppTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Catches drift between the hand-written openapi.yaml and the controllers, by comparing it with what
 * springdoc generates from them at /v3/api-docs: operations, operationIds, parameters, request media
 * types, and the JSON shape (property names, types, formats, enum values) of request and success
 * response bodies. Not compared, because springdoc cannot know them from the code: success status
 * codes other than 200 (set through ResponseEntity), response headers, error responses, nullability.
 */
@LegacyAppTest
class OpenApiDriftTest {

  /** Request bodies springdoc cannot see, with the reason. */
  private static final Map<String, String> OPAQUE_REQUEST_BODIES = Map.of(
      "POST /v1/tracking-events", "the controller streams the raw InputStream (NDJSON)",
      "PATCH /v1/orders/{id}", "the controller takes a JsonNode (a merge patch), not a typed DTO");

  @LocalServerPort
  int port;

  private OpenAPI documented;
  private OpenAPI generated;

  @BeforeEach
  void loadBothDocuments() throws Exception {
    documented = ContractSpec.get().openApi();
    HttpResponse<String> apiDocs = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(apiDocs.statusCode()).isEqualTo(200);
    generated = new OpenAPIV3Parser().readContents(apiDocs.body()).getOpenAPI();
  }

  @Test
  void documentsExactlyTheOperationsTheControllersServe() {
    assertThat(operations(documented).keySet()).isEqualTo(operations(generated).keySet());
  }

  @Test
  void operationIdsMatchTheHandlerMethods() {
    Map<String, Operation> actual = operations(generated);
    operations(documented).forEach((key, operation) -> {
      if (operation.getOperationId() != null && actual.containsKey(key)) {
        assertThat(operation.getOperationId()).as(key).isEqualTo(actual.get(key).getOperationId());
      }
    });
  }

  @Test
  void parametersMatch() {
    Map<String, Operation> actual = operations(generated);
    List<String> drift = new ArrayList<>();
    operations(documented).forEach((key, operation) -> {
      if (actual.containsKey(key)) {
        Set<String> mine = parameters(documented, key, operation);
        Set<String> theirs = parameters(generated, key, actual.get(key));
        if (!mine.equals(theirs)) {
          drift.add(key + ": documented " + mine + ", served " + theirs);
        }
      }
    });
    assertThat(drift).isEmpty();
  }

  @Test
  void requestBodiesMatch() {
    Map<String, Operation> actual = operations(generated);
    List<String> drift = new ArrayList<>();
    operations(documented).forEach((key, operation) -> {
      if (!actual.containsKey(key) || OPAQUE_REQUEST_BODIES.containsKey(key)) {
        return;
      }
      Content mine = operation.getRequestBody() == null ? null : operation.getRequestBody().getContent();
      Content theirs = actual.get(key).getRequestBody() == null ? null : actual.get(key).getRequestBody().getContent();
      Set<String> myTypes = mine == null ? Set.of() : new TreeSet<>(mine.keySet());
      Set<String> theirTypes = theirs == null ? Set.of() : new TreeSet<>(theirs.keySet());
      if (!myTypes.equals(theirTypes)) {
        drift.add(key + " request media types: documented " + myTypes + ", served " + theirTypes);
        return;
      }
      for (String mediaType : myTypes) {
        new ShapeComparison(key + " request " + mediaType, drift)
            .compare(mine.get(mediaType).getSchema(), theirs.get(mediaType).getSchema(), "");
      }
    });
    assertThat(drift).isEmpty();
  }

  @Test
  void successResponseBodiesMatch() {
    Map<String, Operation> actual = operations(generated);
    List<String> drift = new ArrayList<>();
    operations(documented).forEach((key, operation) -> {
      if (!actual.containsKey(key)) {
        return;
      }
      operation.getResponses().forEach((status, response) -> {
        if (!status.startsWith("2") || response.getContent() == null
            || !response.getContent().containsKey("application/json")) {
          return;
        }
        var served = actual.get(key).getResponses().get("200");
        if (served == null || served.getContent() == null || served.getContent().isEmpty()) {
          drift.add(key + " " + status + ": documented a JSON body, the handler declares none");
          return;
        }
        new ShapeComparison(key + " response", drift).compare(response.getContent().get("application/json")
            .getSchema(), served.getContent().values().iterator().next().getSchema(), "");
      });
    });
    assertThat(drift).isEmpty();
  }

  private static Map<String, Operation> operations(OpenAPI api) {
    Map<String, Operation> operations = new TreeMap<>();
    api.getPaths().forEach((path, item) -> item.readOperationsMap()
        .forEach((method, operation) -> operations.put(method + " " + path, operation)));
    return operations;
  }

  private static Set<String> parameters(OpenAPI api, String key, Operation operation) {
    PathItem path = api.getPaths().get(key.substring(key.indexOf(' ') + 1));
    List<Parameter> all = new ArrayList<>();
    if (path.getParameters() != null) {
      all.addAll(path.getParameters());
    }
    if (operation.getParameters() != null) {
      all.addAll(operation.getParameters());
    }
    return all.stream().map(parameter -> resolve(api, parameter))
        .map(p -> p.getIn() + ":" + p.getName() + (Boolean.TRUE.equals(p.getRequired()) ? " (required)" : ""))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Parameter resolve(OpenAPI api, Parameter parameter) {
    if (parameter.get$ref() == null) {
      return parameter;
    }
    String name = parameter.get$ref().substring(parameter.get$ref().lastIndexOf('/') + 1);
    return api.getComponents().getParameters().get(name);
  }

  /** Walks a documented and a generated schema side by side and records where they differ. */
  @SuppressWarnings("rawtypes") // swagger-models exposes properties as Map<String, Schema>
  private final class ShapeComparison {
    private final String where;
    private final List<String> drift;

    ShapeComparison(String where, List<String> drift) {
      this.where = where;
      this.drift = drift;
    }

    void compare(Schema<?> documentedSchema, Schema<?> generatedSchema, String pointer) {
      Schema<?> mine = flatten(documented, documentedSchema);
      Schema<?> theirs = flatten(generated, generatedSchema);
      if (mine.getOneOf() != null || theirs.getOneOf() != null) {
        int alternatives = mine.getOneOf() == null ? 0 : mine.getOneOf().size();
        if (theirs.getOneOf() == null || theirs.getOneOf().size() != alternatives) {
          report(pointer, "oneOf alternatives differ");
          return;
        }
        // the order of oneOf alternatives carries no meaning: pair them by their property names
        for (Schema<?> alternative : mine.getOneOf()) {
          Set<String> names = propertyNames(flatten(documented, alternative));
          theirs.getOneOf().stream().filter(other -> propertyNames(flatten(generated, other)).equals(names))
              .findFirst().ifPresentOrElse(
                  other -> compare(alternative, other, pointer + "/oneOf[" + names + "]"),
                  () -> report(pointer, "no served oneOf alternative with properties " + names));
        }
        return;
      }
      if (!Objects.equals(mine.getType(), theirs.getType())) {
        report(pointer, "type " + mine.getType() + " vs " + theirs.getType());
        return;
      }
      if (mine.getFormat() != null && theirs.getFormat() != null && !mine.getFormat().equals(theirs.getFormat())) {
        report(pointer, "format " + mine.getFormat() + " vs " + theirs.getFormat());
      }
      if (mine.getEnum() != null && theirs.getEnum() != null
          && !new TreeSet<>(mine.getEnum().stream().map(String::valueOf).toList())
              .equals(new TreeSet<>(theirs.getEnum().stream().map(String::valueOf).toList()))) {
        report(pointer, "enum " + mine.getEnum() + " vs " + theirs.getEnum());
      }
      if ("array".equals(mine.getType())) {
        compare(mine.getItems(), theirs.getItems(), pointer + "/items");
      }
      Map<String, Schema> myProperties = mine.getProperties() == null ? Map.of() : mine.getProperties();
      Map<String, Schema> theirProperties = theirs.getProperties() == null ? Map.of() : theirs.getProperties();
      if (!myProperties.keySet().equals(theirProperties.keySet())) {
        report(pointer, "properties " + new TreeSet<>(myProperties.keySet()) + " vs "
            + new TreeSet<>(theirProperties.keySet()));
        return;
      }
      myProperties.forEach((name, schema) -> compare(schema, theirProperties.get(name), pointer + "/" + name));
      if (mine.getAdditionalProperties() instanceof Schema<?> myValues
          && theirs.getAdditionalProperties() instanceof Schema<?> theirValues) {
        compare(myValues, theirValues, pointer + "/additionalProperties");
      }
    }

    private void report(String pointer, String problem) {
      drift.add(where + " at #" + pointer + ": " + problem);
    }
  }

  private static Set<String> propertyNames(Schema<?> schema) {
    return schema.getProperties() == null ? Set.of() : new TreeSet<>(schema.getProperties().keySet());
  }

  /** Resolves $ref and merges allOf parts into one object schema. */
  @SuppressWarnings("rawtypes") // swagger-models exposes properties as Map<String, Schema>
  private static Schema<?> flatten(OpenAPI api, Schema<?> schema) {
    Schema<?> resolved = schema;
    while (resolved.get$ref() != null) {
      String name = resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1);
      resolved = api.getComponents().getSchemas().get(name);
    }
    if (resolved.getAllOf() == null) {
      return resolved;
    }
    Schema<Object> merged = new Schema<>();
    Map<String, Schema> properties = new LinkedHashMap<>();
    if (resolved.getProperties() != null) {
      properties.putAll(resolved.getProperties());
    }
    String type = resolved.getType();
    for (Schema<?> part : resolved.getAllOf()) {
      Schema<?> flat = flatten(api, part);
      type = type == null ? flat.getType() : type;
      if (flat.getProperties() != null) {
        properties.putAll(flat.getProperties());
      }
      if (flat.getEnum() != null || flat.getFormat() != null || flat.getItems() != null) {
        return flat;
      }
    }
    merged.setType(type == null ? "object" : type);
    merged.setProperties(properties);
    return merged;
  }
}
