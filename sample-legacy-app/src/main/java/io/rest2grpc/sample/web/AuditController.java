package io.rest2grpc.sample.web;

import io.rest2grpc.sample.security.RequiresRole;
import io.rest2grpc.sample.security.Role;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Recent audit events for administrators, as a bare JSON array. */
@RestController
public class AuditController {

  private final AuditTrail trail;

  public AuditController(AuditTrail trail) {
    this.trail = trail;
  }

  @GetMapping("/v1/audit-events")
  @RequiresRole(Role.ADMIN)
  public List<AuditEvent> listAuditEvents(@RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
    return trail.latest(limit);
  }
}
