package io.rest2grpc.maven.controllers;

import com.github.javaparser.ast.body.Parameter;
import io.rest2grpc.maven.controllers.MetaAnnotations.Found;
import io.rest2grpc.maven.controllers.model.Argument;
import io.rest2grpc.maven.controllers.model.Argument.Kind;
import io.rest2grpc.maven.controllers.model.BridgeReason;
import io.rest2grpc.maven.controllers.model.Problem;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a handler parameter as Spring MVC's argument resolvers see it: by its annotation (also inherited
 * from an overridden method, or composed), else by its type, in the resolvers' order.
 */
final class ArgumentReader {

  /** Binding annotations; matrix variables and request or session attributes are OTHER. */
  private static final Map<String, Kind> ANNOTATIONS = annotations();
  private static final Set<Kind> REQUIRED_BY_DEFAULT = EnumSet.of(Kind.PATH_VARIABLE, Kind.REQUEST_PARAM,
      Kind.REQUEST_HEADER, Kind.COOKIE_VALUE, Kind.REQUEST_BODY, Kind.REQUEST_PART);
  /** Spring's {@code ValueConstants.DEFAULT_NONE}: "no default value". */
  private static final String DEFAULT_NONE = "\n\t\t\n\t\t\n\uE000\uE001\uE002\n\t\t\t\t\n";
  private static final Set<String> PRIMITIVES = Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double");
  /** What Spring's {@code BeanUtils.isSimpleValueType} accepts besides primitives and enums. */
  private static final String[] SIMPLE_VALUE_TYPES = {"java.lang.CharSequence", "java.lang.Number", "java.lang.Boolean",
      "java.lang.Character", "java.util.Date", "java.time.temporal.Temporal", "java.time.ZoneId", "java.util.TimeZone",
      "java.io.File", "java.nio.file.Path", "java.nio.charset.Charset", "java.util.Currency", "java.net.InetAddress",
      "java.net.URI", "java.net.URL", "java.util.UUID", "java.util.Locale", "java.util.regex.Pattern", "java.lang.Class"};

  private final MetaAnnotations annotations;
  private final ConstantResolver constants;
  private final PlaceholderResolver placeholders;
  private final JavaTypes types;
  private final List<Problem> problems;

  ArgumentReader(MetaAnnotations annotations, ConstantResolver constants, PlaceholderResolver placeholders,
      JavaTypes types, List<Problem> problems) {
    this.annotations = annotations;
    this.constants = constants;
    this.placeholders = placeholders;
    this.types = types;
    this.problems = problems;
  }

  Argument read(MethodFamily family, int index) {
    Parameter parameter = family.implementation().getParameter(index);
    List<Parameter> declarations = family.parameters(index);
    JavaType type = types.of(parameter);
    boolean validated = declarations.stream().anyMatch(this::validated);
    for (Parameter declaration : declarations) {
      Optional<Found> binding = annotations.find(declaration, ANNOTATIONS.keySet());
      if (binding.isPresent()) {
        return annotated(parameter.getNameAsString(), binding.get(), type, validated);
      }
    }
    return byType(parameter.getNameAsString(), type, validated);
  }

  private Argument annotated(String name, Found binding, JavaType type, boolean validated) {
    Kind kind = ANNOTATIONS.get(binding.name());
    String bindingName = text(binding, "name", "value").filter(value -> !value.isEmpty()).orElse(name);
    Optional<String> defaultValue = text(binding, "defaultValue").filter(value -> !value.equals(DEFAULT_NONE));
    boolean required = REQUIRED_BY_DEFAULT.contains(kind)
        && binding.attribute("required").map(constants::bool).orElse(true)
        && defaultValue.isEmpty()
        && !type.is("java.util.Optional");
    Optional<BridgeReason> bridge = switch (kind) {
      case REQUEST_BODY -> BridgeTypes.ofBody(type.is("java.util.Optional") ? type.argument(0) : type);
      case REQUEST_PART -> Optional.of(BridgeReason.MULTIPART);
      case REQUEST_PARAM -> BridgeTypes.isMultipart(type) ? Optional.of(BridgeReason.MULTIPART) : Optional.empty();
      default -> Optional.empty();
    };
    return new Argument(name, kind, bindingName, required, defaultValue, type.name(), validated, bridge);
  }

  /** A string attribute with placeholders resolved, as Spring resolves them in names and default values. */
  private Optional<String> text(Found binding, String... aliases) {
    return binding.attribute(aliases)
        .map(value -> placeholders.resolve(constants.string(value), value, problems));
  }

  /** Without an annotation nothing is required: Spring binds simple types as optional request parameters. */
  private static Argument byType(String name, JavaType type, boolean validated) {
    Source source = source(type);
    return new Argument(name, source.kind(), name, false, Optional.empty(), type.name(), validated, source.bridge());
  }

  /** Where an argument without a binding annotation comes from, in the order of Spring MVC's type-based resolvers. */
  private static Source source(JavaType type) {
    if (type.is(SpringNames.MULTIPART_REQUEST)) {
      return Source.bridged(Kind.SERVLET, BridgeReason.MULTIPART);
    }
    if (type.isAnyOf(SpringNames.SERVLET_REQUEST, SpringNames.HTTP_SESSION, SpringNames.WEB_REQUEST, SpringNames.PUSH_BUILDER)) {
      return Source.of(Kind.SERVLET);
    }
    if (type.is("java.security.Principal")) {
      return Source.of(Kind.PRINCIPAL);
    }
    if (type.isAnyOf("java.io.InputStream", "java.io.Reader")) {
      return Source.bridged(Kind.REQUEST_BODY, BridgeReason.RAW_BODY);
    }
    if (type.isAnyOf(SpringNames.HTTP_METHOD, "java.util.Locale", "java.util.TimeZone", "java.time.ZoneId",
        SpringNames.URI_COMPONENTS_BUILDER)) {
      return Source.of(Kind.REQUEST_CONTEXT);
    }
    if (type.isAnyOf(SpringNames.SERVLET_RESPONSE, "java.io.OutputStream", "java.io.Writer")) {
      return Source.bridged(Kind.SERVLET, BridgeReason.WRITES_RESPONSE);
    }
    if (type.is(SpringNames.HTTP_ENTITY)) {
      return new Source(Kind.REQUEST_BODY, BridgeTypes.ofBody(type.argument(0)));
    }
    if (type.is(SpringNames.ERRORS)) {
      return Source.of(Kind.BINDING_RESULT);
    }
    if (type.isAnyOf(SpringNames.MODEL, SpringNames.REDIRECT_ATTRIBUTES, SpringNames.SESSION_STATUS, "java.util.Map")) {
      return Source.of(Kind.OTHER);
    }
    if (type.is(SpringNames.PAGEABLE)) {
      return Source.of(Kind.PAGEABLE);
    }
    if (type.is(SpringNames.SORT)) {
      return Source.of(Kind.SORT);
    }
    if (BridgeTypes.isMultipart(type)) {
      return Source.bridged(Kind.REQUEST_PARAM, BridgeReason.MULTIPART);
    }
    JavaType value = type.is("java.util.Optional") ? type.argument(0) : type;
    return Source.of(isSimple(value) ? Kind.REQUEST_PARAM : Kind.MODEL_ATTRIBUTE);
  }

  private record Source(Kind kind, Optional<BridgeReason> bridge) {

    static Source of(Kind kind) {
      return new Source(kind, Optional.empty());
    }

    static Source bridged(Kind kind, BridgeReason reason) {
      return new Source(kind, Optional.of(reason));
    }
  }

  private static boolean isSimple(JavaType type) {
    JavaType value = type.isArray() ? type.argument(0) : type;
    return PRIMITIVES.contains(value.erasure()) || value.isEnum() || value.isAnyOf(SIMPLE_VALUE_TYPES);
  }

  /** Spring validates on {@code @Validated} and on any annotation whose simple name starts with "Valid". */
  private boolean validated(Parameter parameter) {
    return annotations.allNames(parameter).stream().anyMatch(name ->
        name.equals(SpringNames.VALIDATED) || name.substring(name.lastIndexOf('.') + 1).startsWith("Valid"));
  }

  private static Map<String, Kind> annotations() {
    return Map.ofEntries(
        Map.entry(SpringNames.PATH_VARIABLE, Kind.PATH_VARIABLE),
        Map.entry(SpringNames.REQUEST_PARAM, Kind.REQUEST_PARAM),
        Map.entry(SpringNames.REQUEST_HEADER, Kind.REQUEST_HEADER),
        Map.entry(SpringNames.COOKIE_VALUE, Kind.COOKIE_VALUE),
        Map.entry(SpringNames.REQUEST_BODY, Kind.REQUEST_BODY),
        Map.entry(SpringNames.REQUEST_PART, Kind.REQUEST_PART),
        Map.entry(SpringNames.MODEL_ATTRIBUTE, Kind.MODEL_ATTRIBUTE),
        Map.entry(SpringNames.AUTHENTICATION_PRINCIPAL, Kind.PRINCIPAL),
        Map.entry(SpringNames.MATRIX_VARIABLE, Kind.OTHER),
        Map.entry(SpringNames.REQUEST_ATTRIBUTE, Kind.OTHER),
        Map.entry(SpringNames.SESSION_ATTRIBUTE, Kind.OTHER));
  }
}
