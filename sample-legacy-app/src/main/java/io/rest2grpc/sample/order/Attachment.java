package io.rest2grpc.sample.order;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import lombok.Getter;
import lombok.NoArgsConstructor;
import lombok.Setter;

/** A file uploaded to an order (multipart), stored in the database with its checksum. */
@Entity
@Table(name = "attachments")
@Getter
@Setter
@NoArgsConstructor
public class Attachment {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attachment_id_seq")
  @SequenceGenerator(name = "attachment_id_seq", sequenceName = "attachment_id_seq", allocationSize = 1)
  private Long id;

  private Long orderId;
  private String filename;
  private String contentType;
  private long sizeBytes;
  private String sha256;
  private String description;

  private byte[] content;

  private OffsetDateTime createdAt;
}
