package io.rest2grpc.sample.order;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

public interface OrderRepository extends JpaRepository<Order, Long> {

  Optional<Order> findByIdempotencyKey(String idempotencyKey);

  Page<Order> findByUserId(Long userId, Pageable pageable);
}
