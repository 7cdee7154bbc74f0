package com.example.features;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.ZonedDateTime;
import java.util.List;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public class Customer {
  private String customerId;
  @JsonProperty("display_name")
  private String fullName;
  private ZonedDateTime since;
  private Contact contact;
  private List<Contact> otherContacts;

  public String getCustomerId() {
    return customerId;
  }

  public void setCustomerId(String customerId) {
    this.customerId = customerId;
  }

  public String getFullName() {
    return fullName;
  }

  public void setFullName(String fullName) {
    this.fullName = fullName;
  }

  public ZonedDateTime getSince() {
    return since;
  }

  public void setSince(ZonedDateTime since) {
    this.since = since;
  }

  public Contact getContact() {
    return contact;
  }

  public void setContact(Contact contact) {
    this.contact = contact;
  }

  public List<Contact> getOtherContacts() {
    return otherContacts;
  }

  public void setOtherContacts(List<Contact> otherContacts) {
    this.otherContacts = otherContacts;
  }
}
