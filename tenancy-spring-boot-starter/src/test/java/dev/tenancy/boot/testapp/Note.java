package dev.tenancy.boot.testapp;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tenant-only entity: its table name is not schema-qualified, so it lives in each tenant's schema. */
@Entity
@Table(name = "notes")
public class Note {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String body;

    public Long getId() {
        return id;
    }

    public String getBody() {
        return body;
    }
}
