/** Writing planned mappers as JavaPoet classes: one per DTO class, enum or union. */
package io.rest2grpc.maven.mappers.write;
