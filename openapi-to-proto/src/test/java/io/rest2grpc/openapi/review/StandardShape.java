package io.rest2grpc.openapi.review;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import io.rest2grpc.openapi.review.Verbs.Standard;
import io.rest2grpc.options.v1.OptionsProto;
import io.rest2grpc.options.v1.RestMethod;
import io.rest2grpc.transcoding.HttpRulePatterns;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The standard method an RPC's REST route has the shape of, read from the compiled options (the
 * exact REST method and path of the rest2grpc option where set, else the google.api.http rule):
 * GET on an item (the path ends in a variable, or a variable and an extension: {@code
 * /{Sid}.json}) is a Get; GET on a collection that pages (a RestPaging option) or whose response is
 * only a repeated field is a List; POST on a collection the package also reads with GET a Create;
 * PATCH or PUT on an item an Update; DELETE on an item a Delete. A custom verb ({@code …}:cancel}, a
 * last segment that starts with a non-standard verb: {@code …/{charge}/refund}, or a method after a
 * dot: {@code /reactions.add}) or anything else: none.
 */
final class StandardShape {
  private StandardShape() {}

  /** The REST method and path of an RPC: the rest2grpc option's where set, else the google.api.http rule's. */
  record Route(String method, String path) {
    static Route of(MethodDescriptor method) {
      RestMethod rest = method.getOptions().getExtension(OptionsProto.method);
      HttpRule http = method.getOptions().getExtension(AnnotationsProto.http);
      return new Route((!rest.getRestMethod().isEmpty() ? rest.getRestMethod() : HttpRulePatterns.method(http)).toUpperCase(Locale.ROOT),
          !rest.getRestPath().isEmpty() ? rest.getRestPath() : HttpRulePatterns.path(http));
    }

    /** The path with its variables' names left out, to compare templates: {@code /orders/{}}. */
    String template() {
      return path.replaceAll("\\{[^}]*}", "{}");
    }
  }

  /** @param readable the {@link Route#template}s the package reads with GET: a POST is a Create only on one of them */
  static Optional<Standard> of(MethodDescriptor method, Set<String> readable) {
    RestMethod rest = method.getOptions().getExtension(OptionsProto.method);
    Route route = Route.of(method);
    String verb = route.method();
    String path = route.path();
    if (path.isEmpty() || path.substring(path.lastIndexOf('}') + 1).contains(":") || endsInVerb(path)) {
      return Optional.empty();
    }
    boolean item = path.matches(".*\\}(\\.\\w+)?");
    List<FieldDescriptor> fields = method.getOutputType().getFields();
    boolean list = rest.hasPaging() || fields.size() == 1 && fields.get(0).isRepeated() && !fields.get(0).isMapField();
    return Optional.ofNullable(switch (verb) {
      case "GET" -> item ? Standard.GET : list ? Standard.LIST : null;
      case "POST" -> item || !readable.contains(route.template()) ? null : Standard.CREATE;
      case "PATCH", "PUT" -> item ? Standard.UPDATE : null;
      case "DELETE" -> item ? Standard.DELETE : null;
      default -> null;
    });
  }

  /**
   * The last path segment is a literal that starts with a non-standard verb ({@code …/{charge}/refund}),
   * or names a method after a dot, as RPC-style APIs write them ({@code /reactions.add}).
   */
  private static boolean endsInVerb(String path) {
    String last = path.substring(path.lastIndexOf('/') + 1);
    List<String> words = Words.of(last);
    List<String> method = Words.of(last.substring(last.lastIndexOf('.') + 1));
    return !last.contains("{") && (!words.isEmpty() && Verbs.isCustom(words.get(0))
        || last.contains(".") && !method.isEmpty() && Verbs.isVerb(method.get(0)));
  }
}
