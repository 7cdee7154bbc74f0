package io.rest2grpc.openapi.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.rest2grpc.openapi.read.SourcePositions.Position;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Line and column of JSON pointers, found by streaming the file: members at their key, elements at their value. */
class SourcePositionsTest {
  private static final Set<String> POINTERS = Set.of("/paths/~1a~1{id}/get", "/paths/~1a~1{id}/get/parameters/1",
      "/paths/~1a~1{id}/get/parameters/1/name", "/tags/0", "/info/title", "/nowhere");

  @Test
  void yaml() throws Exception {
    String yaml = """
        info: {title: t, version: '1'}
        tags:
          - pets
        paths:
          /a/{id}:
            get:
              parameters:
                - {name: id, in: path}
                - name: q
                  in: query
        """;
    assertThat(SourcePositions.find(new YAMLFactory(), yaml.getBytes(StandardCharsets.UTF_8), POINTERS)).isEqualTo(Map.of(
        "/info/title", new Position(1, 8), "/tags/0", new Position(3, 5), "/paths/~1a~1{id}/get", new Position(6, 5),
        "/paths/~1a~1{id}/get/parameters/1", new Position(9, 11), "/paths/~1a~1{id}/get/parameters/1/name", new Position(9, 11)));
  }

  @Test
  void json() throws Exception {
    String json = """
        {"info": {"title": "t"},
         "tags": ["pets"],
         "paths": {"/a/{id}": {"get": {"parameters": [{"name": "id"}, {"name": "q"}]}}}}
        """;
    assertThat(SourcePositions.find(new JsonFactory(), json.getBytes(StandardCharsets.UTF_8), POINTERS)).isEqualTo(Map.of(
        "/info/title", new Position(1, 11), "/tags/0", new Position(2, 11), "/paths/~1a~1{id}/get", new Position(3, 24),
        "/paths/~1a~1{id}/get/parameters/1", new Position(3, 63), "/paths/~1a~1{id}/get/parameters/1/name", new Position(3, 64)));
  }
}
