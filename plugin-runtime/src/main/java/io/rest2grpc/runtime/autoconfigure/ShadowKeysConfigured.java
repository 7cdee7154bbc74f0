package io.rest2grpc.runtime.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** {@code rest2grpc.shadow.keys.<id>} names at least one key (a map has no property of its own to test). */
final class ShadowKeysConfigured extends SpringBootCondition {

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    boolean configured = Binder.get(context.getEnvironment())
        .bind("rest2grpc.shadow.keys", Bindable.mapOf(String.class, String.class))
        .map(keys -> !keys.isEmpty())
        .orElse(false);
    return configured ? ConditionOutcome.match("rest2grpc.shadow.keys is set") : ConditionOutcome.noMatch("no rest2grpc.shadow.keys");
  }
}
