package io.rest2grpc.sample.order;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AttachmentRepository extends JpaRepository<Attachment, Long> {

  Optional<Attachment> findByIdAndOrderId(Long id, Long orderId);
}
