package io.rest2grpc.runtime.typed;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link TypedCallHook#ofFilters}: the app's filters, each given a chain that only notes it was continued. */
final class FilterHook implements TypedCallHook {
  private final List<Filter> filters;

  FilterHook(List<Filter> filters) {
    this.filters = List.copyOf(filters);
  }

  @Override
  public boolean beforeHandler(HttpServletRequest request, HttpServletResponse response) throws Exception {
    for (Filter filter : filters) {
      Continued next = new Continued();
      filter.doFilter(request, response, next);
      if (!next.continued) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Set<Class<? extends Filter>> covers() {
    return filters.stream().<Class<? extends Filter>>map(Filter::getClass).collect(Collectors.toUnmodifiableSet());
  }

  private static final class Continued implements FilterChain {
    private boolean continued;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response) {
      continued = true;
    }
  }
}
