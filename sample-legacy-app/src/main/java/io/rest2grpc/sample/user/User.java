package io.rest2grpc.sample.user;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import lombok.Getter;
import lombok.NoArgsConstructor;

/** A customer account (read-only through the API). */
@Entity
@Table(name = "users")
@Getter
@NoArgsConstructor
public class User {

  @Id
  private Long id;

  private String displayName;
  private String email;
  private String phone;

  @Embedded
  private Address address;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "user_roles", joinColumns = @JoinColumn(name = "user_id"))
  @Column(name = "role")
  private Set<String> roles = new HashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "user_attributes", joinColumns = @JoinColumn(name = "user_id"))
  @MapKeyColumn(name = "attr_name")
  @Column(name = "attr_value")
  private Map<String, String> attributes = new HashMap<>();

  private OffsetDateTime createdAt;
}
