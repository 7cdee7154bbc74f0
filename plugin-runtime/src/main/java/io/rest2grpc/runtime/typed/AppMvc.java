package io.rest2grpc.runtime.typed;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.MethodParameter;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.PathContainer;
import org.springframework.util.ReflectionUtils;
import org.springframework.validation.method.MethodValidator;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.ControllerAdviceBean;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.HandlerMethodValidator;
import org.springframework.web.method.annotation.ModelAttributeMethodProcessor;
import org.springframework.web.method.annotation.RequestParamMethodArgumentResolver;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.HandlerMethodArgumentResolverComposite;
import org.springframework.web.method.support.HandlerMethodReturnValueHandlerComposite;
import org.springframework.web.method.support.InvocableHandlerMethod;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The parts of the app's Spring MVC a typed call goes through, taken from its context and set up as
 * {@code RequestMappingHandlerAdapter} sets them up: the handler mapping (which handler, which
 * interceptors), the argument resolvers with the app's conversion service, {@code @InitBinder}
 * methods and validation, and the exception resolvers ({@code @ExceptionHandler} on the controller,
 * then {@code @ControllerAdvice}, then Spring's defaults), so that a typed call binds, validates and
 * fails exactly as the REST call does.
 */
final class AppMvc {
  /**
   * {@code AbstractHandlerMapping#getHandlerExecutionChain}: the interceptors a mapping adds to a handler for a request, which
   * Spring MVC exposes only to subclasses; an ejected service's handler is no mapping's, and gets them the same way.
   */
  private static final Method HANDLER_EXECUTION_CHAIN = accessible(ReflectionUtils.findMethod(AbstractHandlerMapping.class,
      "getHandlerExecutionChain", Object.class, HttpServletRequest.class));
  private final RequestMappingHandlerMapping mapping;
  private final List<HandlerExceptionResolver> exceptionResolvers;
  private final RequestMappingHandlerAdapter adapter;
  private final HandlerMethodArgumentResolverComposite arguments = new HandlerMethodArgumentResolverComposite();
  private final HandlerMethodArgumentResolverComposite initBinderArguments = new HandlerMethodArgumentResolverComposite();
  private final ParameterNameDiscoverer parameterNames = new DefaultParameterNameDiscoverer();
  private final MethodValidator methodValidator;
  private final List<ControllerAdviceBean> advice;
  private final HandlerMethodReturnValueHandlerComposite returnValues = new HandlerMethodReturnValueHandlerComposite();
  private final Map<Class<?>, Set<Method>> initBinders = new ConcurrentHashMap<>();

  AppMvc(ApplicationContext context) {
    this.mapping = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
    this.adapter = context.getBean(RequestMappingHandlerAdapter.class);
    List<HandlerExceptionResolver> resolvers = new ArrayList<>(context.getBeansOfType(HandlerExceptionResolver.class).values());
    AnnotationAwareOrderComparator.sort(resolvers); // as the DispatcherServlet orders them
    this.exceptionResolvers = List.copyOf(resolvers);
    arguments.addResolver(new MappedRequestBody(adapter.getMessageConverters()));
    arguments.addResolvers(adapter.getArgumentResolvers());
    initBinderArguments.addResolvers(adapter.getInitBinderArgumentResolvers());
    List<HandlerMethodArgumentResolver> all = adapter.getArgumentResolvers();
    this.methodValidator = isPresent("jakarta.validation.Validator") ? HandlerMethodValidator.from(adapter.getWebBindingInitializer(),
        parameterNames, resolvedBy(all, ModelAttributeMethodProcessor.class), resolvedBy(all, RequestParamMethodArgumentResolver.class))
        : null;
    this.advice = ControllerAdviceBean.findAnnotatedBeans(context);
    returnValues.addHandlers(adapter.getReturnValueHandlers());
  }

  /** The handler and interceptors Spring MVC picks for the request; null when no handler method answers it. */
  HandlerExecutionChain handler(HttpServletRequest request) throws Exception {
    HandlerExecutionChain chain = mapping.getHandler(request);
    return chain != null && chain.getHandler() instanceof HandlerMethod ? chain : null;
  }

  /**
   * An ejected service's handler with the interceptors Spring MVC maps to the request's path, as it adds them to a
   * controller's handler; its path variables read with the handler's pattern. Throws {@link IllegalStateException}
   * when the call's REST path does not match the pattern (the protos' HTTP rule and the handler disagree).
   */
  HandlerExecutionChain chain(EjectedHandler handler, HttpServletRequest request) {
    PathContainer path = ServletRequestPathUtils.parseAndCache(request).pathWithinApplication();
    PathPattern.PathMatchInfo match = handler.pattern().matchAndExtract(path);
    if (match == null) {
      throw new IllegalStateException("the call's REST path " + path.value() + " does not match " + handler.pattern().getPatternString()
          + ", the path pattern of " + handler.method() + ": make them agree");
    }
    request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, match.getUriVariables());
    request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, handler.pattern().getPatternString());
    request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, handler.method());
    return (HandlerExecutionChain) ReflectionUtils.invokeMethod(HANDLER_EXECUTION_CHAIN, mapping, handler.method(), request);
  }

  /** What a handler returned, and the status its {@code @ResponseStatus} sets (200 without one). */
  record Returned(Object value, int status) {}

  /** Calls the handler with its arguments resolved from the request as Spring MVC resolves them. */
  Returned invoke(HandlerMethod handler, ServletWebRequest request) throws Exception {
    Invocation invocable = new Invocation(handler);
    invocable.setHandlerMethodArgumentResolvers(arguments);
    invocable.setParameterNameDiscoverer(parameterNames);
    invocable.setDataBinderFactory(binderFactory(handler));
    invocable.setMethodValidator(methodValidator);
    return new Returned(invocable.invokeForRequest(request, new ModelAndViewContainer()), invocable.status());
  }

  /**
   * Lets the app's exception resolvers answer {@code failure} into {@code response}, as the
   * DispatcherServlet does; false when none of them handles it.
   */
  boolean resolve(Exception failure, HandlerMethod handler, HttpServletRequest request, HttpServletResponse response) {
    request.removeAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE); // as the DispatcherServlet: errors have their own media type
    for (HandlerExceptionResolver resolver : exceptionResolvers) {
      if (resolver.resolveException(request, response, handler, failure) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * Writes what the handler returned into the response as Spring MVC writes it: the app's return
   * value handlers, content negotiation, converters and body advice. For an error entity, and for an
   * answer the engine carries as it is written ({@code google.api.HttpBody}).
   */
  void write(Object returned, HandlerMethod handler, ServletWebRequest request) throws Exception {
    returnValues.handleReturnValue(returned, handler.getReturnType(), new ModelAndViewContainer(), request);
  }

  /** The {@code @InitBinder} methods of the advice that applies to the controller, then the controller's own. */
  private WebDataBinderFactory binderFactory(HandlerMethod handler) {
    List<InvocableHandlerMethod> methods = new ArrayList<>();
    Class<?> controller = handler.getBeanType();
    for (ControllerAdviceBean bean : advice) {
      if (bean.isApplicableToBeanType(controller) && bean.getBeanType() != null) {
        initBinders(bean.getBeanType()).forEach(method -> methods.add(initBinder(bean.resolveBean(), method)));
      }
    }
    initBinders(controller).forEach(method -> methods.add(initBinder(handler.getBean(), method)));
    ServletRequestDataBinderFactory factory = new ServletRequestDataBinderFactory(methods, adapter.getWebBindingInitializer());
    factory.setMethodValidationApplicable(methodValidator != null && handler.shouldValidateArguments());
    return factory;
  }

  private InvocableHandlerMethod initBinder(Object bean, Method method) {
    InvocableHandlerMethod binder = new InvocableHandlerMethod(bean, method);
    binder.setHandlerMethodArgumentResolvers(initBinderArguments);
    binder.setDataBinderFactory(new ServletRequestDataBinderFactory(List.of(), adapter.getWebBindingInitializer()));
    binder.setParameterNameDiscoverer(parameterNames);
    return binder;
  }

  /** Looked up once per class, as the adapter caches them: not on every call. */
  private Set<Method> initBinders(Class<?> type) {
    return initBinders.computeIfAbsent(type,
        key -> MethodIntrospector.selectMethods(key, (Method method) -> AnnotatedElementUtils.hasAnnotation(method, InitBinder.class)));
  }

  /** The handler method as called; its {@code @ResponseStatus}, which {@code HandlerMethod} evaluates, readable. */
  private static final class Invocation extends InvocableHandlerMethod {
    Invocation(HandlerMethod handler) {
      super(handler);
    }

    int status() {
      HttpStatusCode status = getResponseStatus();
      return status == null ? HttpStatus.OK.value() : status.value();
    }
  }

  private static Predicate<MethodParameter> resolvedBy(List<HandlerMethodArgumentResolver> resolvers, Class<?> type) {
    return parameter -> resolvers.stream().anyMatch(resolver -> type.isInstance(resolver) && resolver.supportsParameter(parameter));
  }

  private static Method accessible(Method method) {
    ReflectionUtils.makeAccessible(method);
    return method;
  }

  private static boolean isPresent(String className) {
    try {
      Class.forName(className, false, AppMvc.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
