/**
 * Streams on the REST wire: how a client- or server-streaming RPC's messages travel as SSE, NDJSON
 * or JSON-seq, read incrementally from pushed chunks and written one frame per message.
 * {@link io.rest2grpc.transcoding.streams.StreamCodec} is the entry (one per method and side); the
 * rules are in the transcoding README, "Streams on the REST wire".
 */
package io.rest2grpc.transcoding.streams;
