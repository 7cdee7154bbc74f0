package io.rest2grpc.sample.web;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the hand-maintained contract, the input of openapi-to-proto. */
@RestController
public class OpenApiDocumentController {

  private static final MediaType YAML = MediaType.parseMediaType("application/yaml");

  @GetMapping("/openapi.yaml")
  public ResponseEntity<Resource> openApiDocument() {
    return ResponseEntity.ok().contentType(YAML).body(new ClassPathResource("openapi.yaml"));
  }
}
