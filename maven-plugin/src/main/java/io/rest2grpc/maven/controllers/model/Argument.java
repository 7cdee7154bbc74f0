package io.rest2grpc.maven.controllers.model;

import java.util.Optional;

/**
 * One parameter of a handler method and where Spring MVC takes its value from.
 *
 * @param name the Java parameter name
 * @param kind where the value comes from
 * @param bindingName the request name it binds to: the annotation's {@code value}/{@code name}, else the parameter name
 * @param required whether Spring rejects a request without it (false with a default value or an {@code Optional} type)
 * @param defaultValue the annotation's {@code defaultValue}, placeholders resolved
 * @param type the resolved type with generics, e.g. {@code java.util.List<java.lang.Long>}
 * @param validated whether Spring validates it ({@code @Valid}, {@code @Validated} or another {@code @Valid…})
 * @param bridge why the typed gRPC path cannot carry it, if it cannot
 */
public record Argument(String name, Kind kind, String bindingName, boolean required, Optional<String> defaultValue,
    String type, boolean validated, Optional<BridgeReason> bridge) {

  /** The source of an argument, after Spring MVC's argument resolvers (annotations first, then the type). */
  public enum Kind {
    PATH_VARIABLE,
    REQUEST_PARAM,
    REQUEST_HEADER,
    COOKIE_VALUE,
    /** {@code @RequestBody}, an {@code HttpEntity}/{@code RequestEntity}, or the raw body stream. */
    REQUEST_BODY,
    REQUEST_PART,
    /** {@code @ModelAttribute}, or a non-simple type without annotation: bound from query and form parameters. */
    MODEL_ATTRIBUTE,
    /** Spring Data {@code Pageable}: {@code page}, {@code size} and {@code sort} parameters. */
    PAGEABLE,
    /** Spring Data {@code Sort}: {@code sort} parameters. */
    SORT,
    /** {@code java.security.Principal}, or a parameter annotated {@code @AuthenticationPrincipal}. */
    PRINCIPAL,
    /** Servlet API objects: request, response, session, and the response's {@code OutputStream}/{@code Writer}. */
    SERVLET,
    /** Facts about the request other than its content: locale, time zone, HTTP method, {@code UriComponentsBuilder}. */
    REQUEST_CONTEXT,
    /** {@code Errors}/{@code BindingResult} of the argument before it. */
    BINDING_RESULT,
    OTHER
  }
}
