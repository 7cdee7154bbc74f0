package io.rest2grpc.sample.order;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rest2grpc.runtime.shadow.ShadowCalls;
import io.rest2grpc.sample.error.ApiException;
import io.rest2grpc.sample.error.FieldViolation;
import io.rest2grpc.sample.error.JsonFieldNames;
import io.rest2grpc.sample.user.User;
import io.rest2grpc.sample.user.UserRepository;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Business rules of orders: validation beyond the shape (422), optimistic concurrency (412), transitions (409). */
@Service
public class OrderService {

  private static final Set<String> SUPPORTED_CURRENCIES = Set.of("EUR", "GBP", "USD");
  // The tax table was filled for the first markets; a user without an address has no country at all.
  private static final Map<String, Integer> TAX_RATE_PERCENT_BY_COUNTRY = Map.of("GB", 20, "DE", 19, "FR", 20,
      "US", 0);

  private final OrderRepository orders;
  private final OrderSearch search;
  private final UserRepository users;
  private final Validator validator;
  private final ObjectMapper objectMapper;
  private final ApplicationEventPublisher events;

  public OrderService(OrderRepository orders, OrderSearch search, UserRepository users, Validator validator,
      ObjectMapper objectMapper, ApplicationEventPublisher events) {
    this.orders = orders;
    this.search = search;
    this.users = users;
    this.validator = validator;
    this.objectMapper = objectMapper;
    this.events = events;
  }

  public record CreateResult(Order order, boolean replayed) {}

  public record OrderPage(List<Order> orders, long totalCount) {}

  @Transactional(readOnly = true)
  public Order get(long id) {
    return orders.findById(id).orElseThrow(() -> ApiException.notFound("order", id));
  }

  @Transactional(readOnly = true)
  public OrderPage list(OrderFilter filter, OrderSort sort, int offset, int limit) {
    return new OrderPage(search.find(filter, sort, offset, limit), search.count(filter));
  }

  @Transactional(readOnly = true)
  public List<Order> listAll(OrderFilter filter) {
    return search.find(filter, new OrderSort("id", false), 0, Integer.MAX_VALUE);
  }

  /**
   * A repeated {@code Idempotency-Key} returns the order created by the first request with that key.
   * Shadow calls (rest2grpc's shadow proxy) neither find nor leave idempotency records.
   */
  @Transactional
  public CreateResult create(OrderRequest request, String idempotencyKey) {
    if (ShadowCalls.isShadow()) {
      idempotencyKey = null;
    }
    if (idempotencyKey != null) {
      var existing = orders.findByIdempotencyKey(idempotencyKey);
      if (existing.isPresent()) {
        return new CreateResult(existing.get(), true);
      }
    }
    OffsetDateTime now = now();
    checkBusinessRules(request, now);
    Order order = new Order();
    order.setStatus(OrderStatus.PENDING);
    order.setCreatedAt(now);
    order.setIdempotencyKey(idempotencyKey);
    copy(request, order, now);
    Order saved = orders.saveAndFlush(order);
    publish(OrderChanged.CREATED, saved);
    return new CreateResult(saved, false);
  }

  @Transactional
  public Order replace(long id, OrderRequest request, String ifMatch) {
    Order order = editable(id, ifMatch);
    checkBusinessRules(request, order.getCreatedAt());
    copy(request, order, now());
    Order saved = orders.saveAndFlush(order);
    publish(OrderChanged.UPDATED, saved);
    return saved;
  }

  @Transactional
  public Order patch(long id, JsonNode mergePatch, String ifMatch) {
    Order order = editable(id, ifMatch);
    JsonNode merged = JsonMergePatch.apply(objectMapper.valueToTree(OrderRequest.from(order)), mergePatch);
    OrderRequest patched;
    try {
      patched = objectMapper.treeToValue(merged, OrderRequest.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "INVALID_PATCH",
          "The merge patch gives an order that cannot be read: " + e.getMessage().lines().findFirst().orElse(""));
    }
    Set<ConstraintViolation<OrderRequest>> violations = validator.validate(patched);
    if (!violations.isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
          "The patched order has " + violations.size() + " invalid field(s)", violations.stream()
          .map(v -> new FieldViolation(JsonFieldNames.of(v.getPropertyPath().toString()), v.getMessage())).toList());
    }
    return replace(id, patched, null);
  }

  @Transactional
  public void delete(long id, String ifMatch) {
    Order order = get(id);
    checkIfMatch(order, ifMatch);
    if (order.getStatus() == OrderStatus.SHIPPED) {
      throw ApiException.conflict("ORDER_ALREADY_SHIPPED", "Order " + id + " has shipped and cannot be deleted");
    }
    orders.delete(order);
    events.publishEvent(new OrderChanged(OrderChanged.DELETED, id, order.getStatus(), now()));
  }

  @Transactional
  public Order changeStatus(long id, OrderStatus target, String ifMatch) {
    Order order = get(id);
    checkIfMatch(order, ifMatch);
    if (!order.getStatus().canMoveTo(target)) {
      throw ApiException.conflict("INVALID_STATUS_TRANSITION", "Order " + id + " cannot move from "
          + order.getStatus().wireValue() + " to " + target.wireValue());
    }
    order.setStatus(target);
    order.setUpdatedAt(now());
    Order saved = orders.saveAndFlush(order);
    publish(OrderChanged.STATUS_CHANGED, saved);
    return saved;
  }

  @Transactional(readOnly = true)
  public Invoice invoice(long id) {
    Order order = get(id);
    User user = users.findById(order.getUserId()).orElseThrow(() -> ApiException.notFound("user", order.getUserId()));
    String country = user.getAddress().country();
    int rate = TAX_RATE_PERCENT_BY_COUNTRY.get(country);
    Money net = order.getTotal();
    long taxCents = Math.round(net.amountCents() * rate / 100.0);
    return new Invoice(id, country, rate, net, new Money(net.currency(), taxCents),
        new Money(net.currency(), net.amountCents() + taxCents));
  }

  private Order editable(long id, String ifMatch) {
    Order order = get(id);
    checkIfMatch(order, ifMatch);
    if (order.getStatus() == OrderStatus.SHIPPED) {
      throw ApiException.conflict("ORDER_ALREADY_SHIPPED", "Order " + id + " has shipped and can no longer change");
    }
    return order;
  }

  private static void checkIfMatch(Order order, String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      return;
    }
    for (String tag : ifMatch.split(",")) {
      String candidate = tag.trim().replaceFirst("^W/", "");
      if (candidate.equals("*") || candidate.equals(order.etag())) {
        return;
      }
    }
    throw new ApiException(HttpStatus.PRECONDITION_FAILED, "ETAG_MISMATCH", "Order " + order.getId()
        + " is at version " + order.etag() + ", not " + ifMatch + "; fetch it again and retry");
  }

  private void checkBusinessRules(OrderRequest request, OffsetDateTime createdAt) {
    List<FieldViolation> violations = new ArrayList<>();
    if (!users.existsById(request.getUserId())) {
      violations.add(new FieldViolation("user_id", "no user with id " + request.getUserId()));
    }
    if (!SUPPORTED_CURRENCIES.contains(request.getTotal().currency())) {
      violations.add(new FieldViolation("total.currency", "must be one of EUR, GBP, USD"));
    }
    if (request.getDeliveryDate() != null && request.getDeliveryDate().isBefore(createdAt.toLocalDate())) {
      violations.add(new FieldViolation("delivery_date", "must not be before the order date " + createdAt.toLocalDate()));
    }
    if (!violations.isEmpty()) {
      throw ApiException.unprocessable(violations);
    }
  }

  private static void copy(OrderRequest request, Order order, OffsetDateTime now) {
    order.setUserId(request.getUserId());
    order.setItems(new ArrayList<>(request.getItems()));
    order.setTotal(request.getTotal());
    order.setDeliveryDate(request.getDeliveryDate());
    order.setNote(request.getNote());
    order.setUpdatedAt(now);
  }

  private void publish(String type, Order order) {
    events.publishEvent(new OrderChanged(type, order.getId(), order.getStatus(), order.getUpdatedAt()));
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).withNano(0);
  }
}
