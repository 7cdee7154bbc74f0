package io.rest2grpc.sample.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The role a caller needs for a handler (on a method) or for all handlers of a controller (on the
 * class). Checked by {@link RoleCheckInterceptor}; handlers without it need {@link Role#READER}.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresRole {
  String value();
}
