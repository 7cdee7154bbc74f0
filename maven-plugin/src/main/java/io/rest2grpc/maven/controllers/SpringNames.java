package io.rest2grpc.maven.controllers;

/** Qualified names of the Spring, servlet and JDK types whose meaning the reader knows. */
final class SpringNames {

  static final String WEB_BIND = "org.springframework.web.bind.annotation.";

  static final String CONTROLLER = "org.springframework.stereotype.Controller";
  static final String SPRING_BOOT_APPLICATION = "org.springframework.boot.autoconfigure.SpringBootApplication";
  static final String REST_CONTROLLER = WEB_BIND + "RestController";
  static final String CONTROLLER_ADVICE = WEB_BIND + "ControllerAdvice";
  static final String REST_CONTROLLER_ADVICE = WEB_BIND + "RestControllerAdvice";
  static final String RESPONSE_BODY = WEB_BIND + "ResponseBody";
  static final String EXCEPTION_HANDLER = WEB_BIND + "ExceptionHandler";
  static final String INIT_BINDER = WEB_BIND + "InitBinder";

  static final String REQUEST_MAPPING = WEB_BIND + "RequestMapping";
  static final String GET_MAPPING = WEB_BIND + "GetMapping";
  static final String POST_MAPPING = WEB_BIND + "PostMapping";
  static final String PUT_MAPPING = WEB_BIND + "PutMapping";
  static final String PATCH_MAPPING = WEB_BIND + "PatchMapping";
  static final String DELETE_MAPPING = WEB_BIND + "DeleteMapping";

  static final String PATH_VARIABLE = WEB_BIND + "PathVariable";
  static final String REQUEST_PARAM = WEB_BIND + "RequestParam";
  static final String REQUEST_HEADER = WEB_BIND + "RequestHeader";
  static final String COOKIE_VALUE = WEB_BIND + "CookieValue";
  static final String REQUEST_BODY = WEB_BIND + "RequestBody";
  static final String REQUEST_PART = WEB_BIND + "RequestPart";
  static final String MODEL_ATTRIBUTE = WEB_BIND + "ModelAttribute";
  static final String MATRIX_VARIABLE = WEB_BIND + "MatrixVariable";
  static final String REQUEST_ATTRIBUTE = WEB_BIND + "RequestAttribute";
  static final String SESSION_ATTRIBUTE = WEB_BIND + "SessionAttribute";
  static final String AUTHENTICATION_PRINCIPAL = "org.springframework.security.core.annotation.AuthenticationPrincipal";
  static final String VALIDATED = "org.springframework.validation.annotation.Validated";
  static final String ALIAS_FOR = "org.springframework.core.annotation.AliasFor";

  static final String RESPONSE_ENTITY = "org.springframework.http.ResponseEntity";
  static final String HTTP_ENTITY = "org.springframework.http.HttpEntity";
  static final String HTTP_METHOD = "org.springframework.http.HttpMethod";
  static final String RESOURCE = "org.springframework.core.io.Resource";
  static final String RESPONSE_BODY_EMITTER = "org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter";
  static final String STREAMING_RESPONSE_BODY = "org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody";
  static final String DEFERRED_RESULT = "org.springframework.web.context.request.async.DeferredResult";
  static final String WEB_ASYNC_TASK = "org.springframework.web.context.request.async.WebAsyncTask";
  static final String LISTENABLE_FUTURE = "org.springframework.util.concurrent.ListenableFuture";
  static final String MULTIPART_FILE = "org.springframework.web.multipart.MultipartFile";
  static final String MULTIPART_REQUEST = "org.springframework.web.multipart.MultipartRequest";
  static final String WEB_REQUEST = "org.springframework.web.context.request.WebRequest";
  static final String URI_COMPONENTS_BUILDER = "org.springframework.web.util.UriComponentsBuilder";
  static final String ERRORS = "org.springframework.validation.Errors";
  static final String MODEL = "org.springframework.ui.Model";
  static final String REDIRECT_ATTRIBUTES = "org.springframework.web.servlet.mvc.support.RedirectAttributes";
  static final String SESSION_STATUS = "org.springframework.web.bind.support.SessionStatus";
  static final String PAGEABLE = "org.springframework.data.domain.Pageable";
  static final String SORT = "org.springframework.data.domain.Sort";
  static final String PAGE = "org.springframework.data.domain.Page";
  static final String SLICE = "org.springframework.data.domain.Slice";

  static final String SERVLET_REQUEST = "jakarta.servlet.ServletRequest";
  static final String SERVLET_RESPONSE = "jakarta.servlet.ServletResponse";
  static final String HTTP_SESSION = "jakarta.servlet.http.HttpSession";
  static final String PUSH_BUILDER = "jakarta.servlet.http.PushBuilder";
  static final String SERVLET_PART = "jakarta.servlet.http.Part";

  static final String JACKSON_2_JSON_NODE = "com.fasterxml.jackson.databind.JsonNode";
  static final String JACKSON_3_JSON_NODE = "tools.jackson.databind.JsonNode";
  static final String JSON_P_VALUE = "jakarta.json.JsonValue";
  static final String JSON_P_MERGE_PATCH = "jakarta.json.JsonMergePatch";
  static final String JSON_P_PATCH = "jakarta.json.JsonPatch";

  static final String MONO = "reactor.core.publisher.Mono";
  static final String FLUX = "reactor.core.publisher.Flux";
  static final String PUBLISHER = "org.reactivestreams.Publisher";

  private SpringNames() {}
}
