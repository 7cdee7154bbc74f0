package it.depot;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** A hand-written POJO: a no-args constructor, getters and setters; tags default to an empty list. */
public class Customer {
  private String name;
  private Tier tier;
  private OffsetDateTime memberSince;
  private List<String> tags = new ArrayList<>();
  private Address address;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Tier getTier() {
    return tier;
  }

  public void setTier(Tier tier) {
    this.tier = tier;
  }

  public OffsetDateTime getMemberSince() {
    return memberSince;
  }

  public void setMemberSince(OffsetDateTime memberSince) {
    this.memberSince = memberSince;
  }

  public List<String> getTags() {
    return tags;
  }

  public void setTags(List<String> tags) {
    this.tags = tags;
  }

  public Address getAddress() {
    return address;
  }

  public void setAddress(Address address) {
    this.address = address;
  }
}
