package io.rest2grpc.runtime.bridge;

import io.rest2grpc.runtime.contract.GrpcContract;
import io.rest2grpc.transcoding.routing.Route;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Whether the bridge still has somewhere to go: a bridged RPC is answered by the handler the app's Spring MVC maps
 * its REST form to, so once that mapping is removed (REST retired) the RPC needs a hand-written implementation.
 * The test {@code rest2grpc:eject} writes beside an ejected service asks this of each of its bridged RPCs.
 */
public final class BridgedRoutes {
  private static final Pattern VARIABLE = Pattern.compile("\\{[^}]*}");

  private BridgedRoutes() {}

  /**
   * The RPCs of {@code fullMethodNames} ({@code pkg.Service/Method}) whose REST route (method and path, variables
   * named as they may be) no handler method of the app maps any more.
   */
  public static List<String> unmapped(ApplicationContext context, Collection<String> fullMethodNames) {
    GrpcContract contract = context.getBean(GrpcContract.class);
    Set<RequestMappingInfo> mappings = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
        .getHandlerMethods().keySet();
    return fullMethodNames.stream().filter(name -> {
      Route route = contract.method(name).primary().route();
      return mappings.stream().noneMatch(info -> maps(info, route));
    }).sorted().toList();
  }

  /**
   * Fails, naming each, when a bridged method has lost the REST mapping the bridge sends it to: it needs a hand-written
   * implementation before the controller's mapping goes.
   *
   * @param methodsByRpc the bridged RPCs' full names, each with the Java method that answers it ({@code
   *     OrdersServiceGrpcService#updateOrder (OrdersServiceGrpcService.java:120)})
   */
  public static void requireMapped(ApplicationContext context, Map<String, String> methodsByRpc) {
    List<String> unmapped = unmapped(context, methodsByRpc.keySet());
    if (!unmapped.isEmpty()) {
      GrpcContract contract = context.getBean(GrpcContract.class);
      String methods = unmapped.stream().map(name -> {
        Route route = contract.method(name).primary().route();
        return "  " + methodsByRpc.get(name) + ": " + name + " (" + route.httpMethod() + " " + route.template().text() + ")";
      }).collect(Collectors.joining("\n"));
      throw new AssertionError("These methods go through the bridge to a REST mapping no controller has any more; each still needs "
          + "a hand-written implementation (call the service layer, as the ejected handler methods do), then remove it from this "
          + "test:\n" + methods);
    }
  }

  private static boolean maps(RequestMappingInfo info, Route route) {
    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
    if (!methods.isEmpty() && methods.stream().noneMatch(method -> method.name().equals(route.httpMethod().toUpperCase(Locale.ROOT)))) {
      return false;
    }
    String path = shape(route.template().text());
    return info.getPatternValues().stream().anyMatch(pattern -> shape(pattern).equals(path));
  }

  /** A path with its variables unnamed: {@code /v1/orders/{id}} and {@code /v1/orders/{order_id}} are one route. */
  private static String shape(String path) {
    return VARIABLE.matcher(path).replaceAll("{}");
  }
}
