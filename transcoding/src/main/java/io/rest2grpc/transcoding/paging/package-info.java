/**
 * AIP-158 page tokens for legacy REST pagination: {@link io.rest2grpc.transcoding.paging.PageTokens}
 * mints and decodes signed, versioned tokens carrying a {@link
 * io.rest2grpc.transcoding.paging.RestPosition} (offset, page number or cursor) and the {@link
 * io.rest2grpc.transcoding.paging.RequestFilters} hash of the request they continue, signed with a
 * rotating {@link io.rest2grpc.transcoding.paging.PageTokenKeys} set. The format is
 * {@code rest2grpc/paging/v1/page_token.proto}; the transcoding README documents it with the key
 * configuration and rotation.
 */
package io.rest2grpc.transcoding.paging;
