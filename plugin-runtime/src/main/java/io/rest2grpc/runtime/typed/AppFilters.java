package io.rest2grpc.runtime.typed;

import io.rest2grpc.runtime.shadow.BridgedShadows;
import jakarta.servlet.Filter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.web.filter.CharacterEncodingFilter;
import org.springframework.web.filter.FormContentFilter;
import org.springframework.web.filter.RequestContextFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * The servlet filters a typed call skips: every filter registered in the app's context (a
 * {@code Filter} bean or one in a registration bean) but those it does not need — character
 * encoding and form content (a typed call has no body to decode), the request context (the typed
 * path sets it), HTTP observation (Spring gRPC observes the call) and rest2grpc's own.
 */
public final class AppFilters {
  private static final Set<Class<?>> NOT_NEEDED = Set.of(CharacterEncodingFilter.class, FormContentFilter.class,
      RequestContextFilter.class, ServerHttpObservationFilter.class, BridgedShadows.class);

  private AppFilters() {}

  /** The filter classes of the context a typed call would skip, by name, in registration order. */
  public static Set<Class<?>> skipped(ApplicationContext context) {
    Set<Class<?>> filters = new LinkedHashSet<>();
    context.getBeansOfType(Filter.class).values().forEach(filter -> filters.add(filter.getClass()));
    for (AbstractFilterRegistrationBean<?> registration : context.getBeansOfType(AbstractFilterRegistrationBean.class).values()) {
      Filter filter = registration.getFilter();
      if (filter != null) {
        filters.add(filter.getClass());
      }
    }
    filters.removeIf(filter -> NOT_NEEDED.stream().anyMatch(type -> type.isAssignableFrom(filter)));
    return filters;
  }

  /** The skipped filters {@code hook} does not stand in for, by class name. */
  public static List<String> uncovered(ApplicationContext context, Optional<TypedCallHook> hook) {
    Set<Class<? extends Filter>> covered = hook.map(TypedCallHook::covers).orElse(Set.of());
    return skipped(context).stream().filter(filter -> !covered.contains(filter)).map(Class::getName).sorted().toList();
  }
}
