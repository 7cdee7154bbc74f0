package io.rest2grpc.sample.order;

import java.time.OffsetDateTime;

/** Metadata of an uploaded attachment. */
public record AttachmentDto(long id, long orderId, String filename, String contentType, long sizeBytes,
    String sha256, String description, OffsetDateTime createdAt) {

  static AttachmentDto from(Attachment attachment) {
    return new AttachmentDto(attachment.getId(), attachment.getOrderId(), attachment.getFilename(),
        attachment.getContentType(), attachment.getSizeBytes(), attachment.getSha256(), attachment.getDescription(),
        attachment.getCreatedAt());
  }
}
