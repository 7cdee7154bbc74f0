package io.rest2grpc.sample.order;

import com.fasterxml.jackson.databind.JsonNode;
import io.rest2grpc.sample.security.RequiresRole;
import io.rest2grpc.sample.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Orders: the classic CRUD resource with offset paging, ETags, merge patch and status transitions. */
@RestController
@RequestMapping("/v1/orders")
public class OrderController {

  static final String TOTAL_COUNT = "X-Total-Count";
  private static final String MERGE_PATCH_JSON = "application/merge-patch+json";

  private final OrderService orders;

  public OrderController(OrderService orders) {
    this.orders = orders;
  }

  /** The whole page is a bare JSON array; the total number of matches travels in {@code X-Total-Count}. */
  @GetMapping
  public ResponseEntity<List<OrderDto>> listOrders(
      @RequestParam(defaultValue = "0") @Min(0) int offset,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
      @RequestParam(name = "status", required = false) List<OrderStatus> statuses,
      @RequestParam(name = "user_id", required = false) Long userId,
      @RequestParam(name = "created_from", required = false)
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime createdFrom,
      @RequestParam(name = "created_to", required = false)
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime createdTo,
      @RequestParam(defaultValue = "-created_at") String sort) {
    var page = orders.list(new OrderFilter(statuses, userId, createdFrom, createdTo), OrderSort.parse(sort), offset,
        limit);
    return ResponseEntity.ok()
        .header(TOTAL_COUNT, Long.toString(page.totalCount()))
        .body(page.orders().stream().map(OrderDto::from).toList());
  }

  @PostMapping
  @RequiresRole(Role.WRITER)
  public ResponseEntity<OrderDto> createOrder(@Valid @RequestBody OrderRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 100) String idempotencyKey) {
    var result = orders.create(request, idempotencyKey);
    Order order = result.order();
    return ResponseEntity.created(URI.create("/v1/orders/" + order.getId()))
        .eTag(order.etag())
        .header("Idempotent-Replayed", Boolean.toString(result.replayed()))
        .body(OrderDto.from(order));
  }

  @GetMapping("/{id}")
  public ResponseEntity<OrderDto> getOrder(@PathVariable long id) {
    Order order = orders.get(id);
    return ResponseEntity.ok().eTag(order.etag()).body(OrderDto.from(order));
  }

  /** An explicit HEAD: existence and current ETag without the body (clients use it before a conditional update). */
  @RequestMapping(path = "/{id}", method = RequestMethod.HEAD)
  public ResponseEntity<Void> headOrder(@PathVariable long id) {
    return ResponseEntity.ok().eTag(orders.get(id).etag()).build();
  }

  @PutMapping("/{id}")
  @RequiresRole(Role.WRITER)
  public ResponseEntity<OrderDto> replaceOrder(@PathVariable long id, @Valid @RequestBody OrderRequest request,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    Order order = orders.replace(id, request, ifMatch);
    return ResponseEntity.ok().eTag(order.etag()).body(OrderDto.from(order));
  }

  @PatchMapping(path = "/{id}", consumes = {MERGE_PATCH_JSON, MediaType.APPLICATION_JSON_VALUE})
  @RequiresRole(Role.WRITER)
  public ResponseEntity<OrderDto> updateOrder(@PathVariable long id, @RequestBody JsonNode mergePatch,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    Order order = orders.patch(id, mergePatch, ifMatch);
    return ResponseEntity.ok().eTag(order.etag()).body(OrderDto.from(order));
  }

  @DeleteMapping("/{id}")
  @RequiresRole(Role.WRITER)
  public ResponseEntity<Void> deleteOrder(@PathVariable long id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    orders.delete(id, ifMatch);
    return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
  }

  @PostMapping("/{id}/status")
  @RequiresRole(Role.WRITER)
  public ResponseEntity<OrderDto> changeOrderStatus(@PathVariable long id,
      @Valid @RequestBody StatusChangeRequest request,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
    Order order = orders.changeStatus(id, request.status(), ifMatch);
    return ResponseEntity.ok().eTag(order.etag()).body(OrderDto.from(order));
  }

  // No operationId in the contract for this one, as in many hand-written specs.
  @GetMapping("/{id}/invoice")
  public Invoice getInvoice(@PathVariable long id) {
    return orders.invoice(id);
  }
}
