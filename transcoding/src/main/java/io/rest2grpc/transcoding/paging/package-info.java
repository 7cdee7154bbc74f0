/**
 * Legacy REST pagination ⇄ AIP-158. {@link io.rest2grpc.transcoding.paging.PagingTransform}
 * translates one list operation's paging ({@code RestPaging}: offset, page, cursor, Link or next
 * URL; envelopes and total headers) in four directions: REST ⇄ gRPC requests and responses.
 * {@link io.rest2grpc.transcoding.paging.PageTokens} mints and decodes the signed, versioned page
 * tokens it uses, carrying a {@link io.rest2grpc.transcoding.paging.RestPosition} (offset, page
 * number or cursor) and the {@link io.rest2grpc.transcoding.paging.RequestFilters} hash of the
 * request they continue, signed with a rotating {@link io.rest2grpc.transcoding.paging.PageTokenKeys}
 * set. The format is {@code rest2grpc/paging/v1/page_token.proto}; the transcoding README
 * documents the tokens ("Page tokens") and the transform ("Paging").
 */
package io.rest2grpc.transcoding.paging;
