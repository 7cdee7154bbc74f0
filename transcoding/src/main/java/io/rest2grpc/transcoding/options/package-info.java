/**
 * Reading the rest2grpc options of a descriptor set as they apply: {@link
 * io.rest2grpc.transcoding.options.EffectiveOptions} resolves a method's {@code RestMethod} from
 * the method, its service and its file (method > service > file).
 */
package io.rest2grpc.transcoding.options;
