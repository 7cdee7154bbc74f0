package io.rest2grpc.sample.order;

import io.rest2grpc.sample.error.ApiException;
import io.rest2grpc.sample.error.FieldViolation;
import io.rest2grpc.sample.security.RequiresRole;
import io.rest2grpc.sample.security.Role;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Files attached to an order: a multipart upload and a binary download. */
@RestController
@RequestMapping("/v1/orders/{orderId}/attachments")
public class AttachmentController {

  private final AttachmentRepository attachments;
  private final OrderRepository orders;

  public AttachmentController(AttachmentRepository attachments, OrderRepository orders) {
    this.attachments = attachments;
    this.orders = orders;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @RequiresRole(Role.WRITER)
  public ResponseEntity<AttachmentDto> uploadAttachment(@PathVariable long orderId,
      @RequestPart("file") MultipartFile file,
      @RequestPart(name = "description", required = false) String description) throws IOException {
    if (!orders.existsById(orderId)) {
      throw ApiException.notFound("order", orderId);
    }
    if (file.isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "EMPTY_FILE", "The uploaded file is empty",
          List.of(new FieldViolation("file", "must not be empty")));
    }
    byte[] content = file.getBytes();
    Attachment attachment = new Attachment();
    attachment.setOrderId(orderId);
    attachment.setFilename(file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename());
    attachment.setContentType(file.getContentType() == null
        ? MediaType.APPLICATION_OCTET_STREAM_VALUE : file.getContentType());
    attachment.setSizeBytes(content.length);
    attachment.setSha256(sha256(content));
    attachment.setDescription(description);
    attachment.setContent(content);
    attachment.setCreatedAt(OffsetDateTime.now(ZoneOffset.UTC).withNano(0));
    Attachment saved = attachments.save(attachment);
    return ResponseEntity.created(URI.create("/v1/orders/" + orderId + "/attachments/" + saved.getId()))
        .body(AttachmentDto.from(saved));
  }

  @GetMapping("/{attachmentId}")
  public ResponseEntity<byte[]> downloadAttachment(@PathVariable long orderId, @PathVariable long attachmentId) {
    Attachment attachment = attachments.findByIdAndOrderId(attachmentId, orderId)
        .orElseThrow(() -> ApiException.notFound("attachment", attachmentId));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(attachment.getContentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(attachment.getFilename()).build().toString())
        .header("X-Checksum-SHA256", attachment.getSha256())
        .body(attachment.getContent());
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
