/**
 * What a change of a schema's type does to a client written against the old one: the single
 * judgement that {@code check} applies to two spec documents and the lock to the types it recorded.
 */
package io.rest2grpc.openapi.compat;
