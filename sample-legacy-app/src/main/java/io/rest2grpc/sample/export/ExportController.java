package io.rest2grpc.sample.export;

import io.rest2grpc.sample.security.RequiresRole;
import io.rest2grpc.sample.security.Role;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Asynchronous order export: 202 Accepted with a {@code Location} to poll, then a CSV download. */
@RestController
@RequestMapping("/v1/order-exports")
public class ExportController {

  private final ExportService exports;

  public ExportController(ExportService exports) {
    this.exports = exports;
  }

  @PostMapping
  @RequiresRole(Role.WRITER)
  public ResponseEntity<ExportJob> startOrderExport(@RequestBody(required = false) ExportRequest request) {
    ExportJob job = exports.start(request == null ? new ExportRequest(null) : request);
    return ResponseEntity.accepted().location(URI.create("/v1/order-exports/" + job.id())).body(job);
  }

  @GetMapping("/{id}")
  public ExportJob getOrderExport(@PathVariable String id) {
    return exports.get(id);
  }

  @GetMapping(path = "/{id}/content", produces = "text/csv")
  public String downloadOrderExport(@PathVariable String id) {
    return exports.content(id);
  }
}
