package io.rest2grpc.maven.controllers.model;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a handler returns, as nested shapes: {@code ResponseEntity<List<OrderDto>>} is a RESPONSE_ENTITY
 * whose element is a LIST whose element is the VALUE {@code OrderDto}.
 *
 * @param kind the outer shape
 * @param type the resolved Java type of this level, with generics
 * @param element the shape inside a wrapper (RESPONSE_ENTITY, OPTIONAL, LIST, PAGE, ASYNC); empty otherwise
 * @param bridge why the typed gRPC path cannot carry this level, if it cannot
 */
public record ReturnShape(Kind kind, String type, Optional<ReturnShape> element, Optional<BridgeReason> bridge) {

  /** The wrappers Spring MVC unwraps, and the leaves. */
  public enum Kind {
    /** A body written as is (JSON for objects). */
    VALUE,
    /** {@code void} or {@code Void}: no body. */
    VOID,
    /** {@code ResponseEntity} or {@code HttpEntity}: status and headers around a body. */
    RESPONSE_ENTITY,
    OPTIONAL,
    /** A JSON array: a {@code Collection}, an {@code Iterable} or an array other than {@code byte[]}. */
    LIST,
    /** Spring Data {@code Page} or {@code Slice}. */
    PAGE,
    /** Async results Spring MVC awaits: {@code CompletableFuture}, {@code Callable}, {@code DeferredResult}, … */
    ASYNC
  }

  public static ReturnShape leaf(Kind kind, String type, Optional<BridgeReason> bridge) {
    return new ReturnShape(kind, type, Optional.empty(), bridge);
  }

  public static ReturnShape wrapper(Kind kind, String type, ReturnShape element) {
    return new ReturnShape(kind, type, Optional.of(element), Optional.empty());
  }

  /** The innermost shape: the body type after unwrapping every wrapper. */
  public ReturnShape body() {
    return element.map(ReturnShape::body).orElse(this);
  }

  /** The bridge reasons of this level and every level inside it. */
  public Set<BridgeReason> bridgeReasons() {
    Set<BridgeReason> reasons = EnumSet.noneOf(BridgeReason.class);
    bridge.ifPresent(reasons::add);
    element.ifPresent(inner -> reasons.addAll(inner.bridgeReasons()));
    return reasons;
  }

  /** The nesting in one line, e.g. {@code RESPONSE_ENTITY<LIST<a.OrderDto>>}. */
  public String describe() {
    if (element.isPresent()) {
      return kind + "<" + element.get().describe() + ">";
    }
    String leaf = kind == Kind.VOID ? "VOID" : type;
    return bridge.map(reason -> leaf + " [" + reason + "]").orElse(leaf);
  }
}
