package dev.tenancy.core.hibernate;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tenant-only entity: its table exists in every tenant schema and not in public. */
@Entity
@Table(name = "notes")
public class Note {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Integer id;

    private String tenant;

    private String body;

    protected Note() {
    }

    public Note(String tenant, String body) {
        this.tenant = tenant;
        this.body = body;
    }

    public String getTenant() {
        return tenant;
    }

    public String getBody() {
        return body;
    }
}
