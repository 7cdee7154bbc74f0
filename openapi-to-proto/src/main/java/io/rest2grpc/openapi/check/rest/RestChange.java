package io.rest2grpc.openapi.check.rest;

/**
 * One difference between two versions of a spec, at the REST level.
 *
 * @param kind what changed
 * @param operation the operation it is about ({@code "GET /pets/{petId}"}, the old route where it
 *     moved), or null for a component schema
 * @param oldPointer RFC 6901 pointer into the old document at the removed or changed element, or
 *     null when something was only added
 * @param newPointer pointer into the new document at the added or changed element, or null when
 *     something was removed
 * @param detail one readable sentence, e.g. {@code property "name" of Pet: string -> integer}
 * @param breaking whether a client written against the old spec can fail against the new one
 */
public record RestChange(Kind kind, String operation, String oldPointer, String newPointer, String detail,
    boolean breaking) {

  /** The kinds of change; whether one breaks depends on where it is (see the README). */
  public enum Kind {
    /** The path prefix of every operation (Swagger 2.0 {@code basePath}, the first server's URL path). */
    BASE_PATH_CHANGED,
    OPERATION_REMOVED,
    OPERATION_ADDED,
    /** Same operationId, another method or path template. */
    PATH_CHANGED,
    PARAMETER_REMOVED,
    PARAMETER_ADDED,
    /** A path parameter at the same place in the template under another name: the URL is the same. */
    PARAMETER_RENAMED,
    PARAMETER_RETYPED,
    PARAMETER_BECAME_REQUIRED,
    REQUEST_BODY_REMOVED,
    REQUEST_BODY_ADDED,
    REQUEST_BODY_BECAME_REQUIRED,
    RESPONSE_REMOVED,
    RESPONSE_ADDED,
    /** The security requirements of an operation: breaking when a client that met them may no longer. */
    SECURITY_CHANGED,
    /** A media type of a request or response body removed, added or replaced. */
    MEDIA_TYPE_CHANGED,
    SCHEMA_REMOVED,
    SCHEMA_ADDED,
    /** A schema now {@code $ref}s another component, or moved between inline and {@code $ref}. */
    SCHEMA_REPLACED,
    /** The type of a schema that is not a property or parameter (a component, a body, array items). */
    SCHEMA_RETYPED,
    PROPERTY_REMOVED,
    PROPERTY_ADDED,
    PROPERTY_RETYPED,
    PROPERTY_BECAME_REQUIRED,
    /** Breaking in a response: a client may rely on getting it. */
    PROPERTY_BECAME_OPTIONAL,
    /** {@code nullable}, a 3.1 {@code "null"} type, or a null member: breaking when a response may now hold null. */
    NULLABILITY_CHANGED,
    /** The value an absent property or parameter stands for: breaking when one default replaces or drops another. */
    DEFAULT_CHANGED,
    ENUM_VALUE_REMOVED,
    ENUM_VALUE_ADDED,
    /** A member of a {@code oneOf} or {@code anyOf} removed. */
    VARIANT_REMOVED,
    VARIANT_ADDED,
    /** A {@code $ref} into another file or that does not resolve: what it names is not compared. */
    UNRESOLVED_REF
  }
}
